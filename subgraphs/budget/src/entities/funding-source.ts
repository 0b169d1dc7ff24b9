import { defineEntity, p } from '@mikro-orm/core';
import { provenanceProperties } from './provenance.js';

export const FUNDING_SOURCE_KINDS = ['MINISTRY', 'MISSION', 'INTERTERRITORIAL_FUND', 'COMMUNAL_BANK', 'OWN_REVENUE'] as const;

/** Who gives money: a ministry, a mission, the interterritorial fund, a communal bank or a body's own revenue. */
export const FundingSource = defineEntity({
  name: 'FundingSource',
  tableName: 'funding_source',
  properties: {
    id: p.integer().primary(),
    name: p.string().length(200).unique(),
    kind: p.enum(FUNDING_SOURCE_KINDS),
    // A communal bank or own revenue belongs to a body (territory global id).
    ownerBodyId: p.string().length(40).nullable(),
    ...provenanceProperties(),
  },
});
