import { defineEntity, p } from '@mikro-orm/core';
import { Consultation } from './consultation.js';
import { Project } from './project.js';

/**
 * A project on a circuit's ballot in a round. `votes` stays null until the circuit's tally is recorded; it is a
 * count per proposal, never anything about a voter.
 */
export const Proposal = defineEntity({
  name: 'Proposal',
  tableName: 'proposal',
  uniques: [{ properties: ['consultation', 'circuitId', 'ballotPosition'] }, { properties: ['consultation', 'project'] }],
  properties: {
    id: p.integer().primary(),
    consultation: () => p.manyToOne(Consultation).index(),
    circuitId: p.string().length(40).index(),
    project: () => p.manyToOne(Project).index(),
    ballotPosition: p.integer(),
    votes: p.integer().nullable(),
  },
});
