import { defineEntity, p } from '@mikro-orm/core';
import { Election } from './election.js';
import { Organ } from './organ.js';
import { provenanceProperties } from './provenance.js';
import { Spokesperson } from './spokesperson.js';

export const MANDATE_ROLES = ['PRINCIPAL', 'SUBSTITUTE'] as const;
export type MandateRole = (typeof MANDATE_ROLES)[number];

/**
 * A seat held for a term (Popolo Membership). Status is not stored: it follows from the dates (revoked_on set by
 * a recall, term_ends_on passed), so a mandate expires without anyone having to write it down.
 */
export const Mandate = defineEntity({
  name: 'Mandate',
  tableName: 'mandate',
  indexes: [{ properties: ['organ', 'role', 'seat'] }],
  properties: {
    id: p.integer().primary(),
    spokesperson: () => p.manyToOne(Spokesperson).index(),
    organ: () => p.manyToOne(Organ),
    role: p.enum(MANDATE_ROLES),
    seat: p.integer(),
    onBehalfOf: p.string().length(60).nullable(),
    election: () => p.manyToOne(Election).index(),
    startOn: p.string().length(10).index(),
    termEndsOn: p.string().length(10).index(),
    revokedOn: p.string().length(10).nullable(),
    ...provenanceProperties(),
  },
});
