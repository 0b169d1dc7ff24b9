import { defineEntity, p } from '@mikro-orm/core';
import { Decision } from './decision.js';
import { Mandate } from './mandate.js';

export const RECALL_REQUESTERS = ['RESIDENTS', 'SOCIAL_CONTROL_UNIT'] as const;
export type RecallRequester = (typeof RECALL_REQUESTERS)[number];

/** The trail of a recall, from request to the assembly decision that ended the mandate; never edited. */
export const Recall = defineEntity({
  name: 'Recall',
  tableName: 'recall',
  properties: {
    id: p.integer().primary(),
    mandate: () => p.manyToOne(Mandate).unique(),
    requestedBy: p.enum(RECALL_REQUESTERS),
    requestedOn: p.string().length(10),
    signatures: p.integer().nullable(),
    eligibleResidents: p.integer().nullable(),
    reportedOn: p.string().length(10),
    decision: () => p.manyToOne(Decision).index(),
    decidedOn: p.string().length(10).index(),
  },
});
