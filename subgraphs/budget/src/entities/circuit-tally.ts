import { defineEntity, p } from '@mikro-orm/core';
import { Consultation } from './consultation.js';

/** Turnout of one circuit in one round; the unique pair is what makes a repeated tally a no-op, not a double count. */
export const CircuitTally = defineEntity({
  name: 'CircuitTally',
  tableName: 'circuit_tally',
  uniques: [{ properties: ['consultation', 'circuitId'] }],
  properties: {
    id: p.integer().primary(),
    consultation: () => p.manyToOne(Consultation).index(),
    circuitId: p.string().length(40).index(),
    eligibleVoters: p.integer(),
    ballotsCast: p.integer(),
    invalidBallots: p.integer(),
    recordedOn: p.string().length(10),
  },
});
