import { defineEntity, p } from '@mikro-orm/core';
import { provenanceProperties } from './provenance.js';

export const ORGAN_KINDS = [
  'EXECUTIVE_UNIT',
  'ADMINISTRATIVE_FINANCIAL_UNIT',
  'SOCIAL_CONTROL_UNIT',
  'ELECTORAL_COMMISSION',
  'COMMITTEE',
  'COMMUNAL_PARLIAMENT',
  'EXECUTIVE_COUNCIL',
  'PLANNING_COUNCIL',
  'COMMUNAL_ECONOMY_COUNCIL',
  'COMMUNAL_BANK',
  'COMPTROLLER_COUNCIL',
] as const;
export type OrganKind = (typeof ORGAN_KINDS)[number];

/**
 * An organ or committee of a council or commune (Popolo Organization). The body is territory's, referred to by
 * its global id; the seat counts are copied from the rules when the organ is created, so a later change of the
 * law does not silently reshape organs already elected.
 */
export const Organ = defineEntity({
  name: 'Organ',
  tableName: 'organ',
  uniques: [{ properties: ['bodyId', 'name'] }],
  properties: {
    id: p.integer().primary(),
    bodyId: p.string().length(40).index(),
    kind: p.enum(ORGAN_KINDS).index(),
    name: p.string().length(200),
    topic: p.string().length(100).nullable(),
    createdOn: p.string().length(10),
    principalSeats: p.integer(),
    substituteSeats: p.integer(),
    ...provenanceProperties(),
  },
});
