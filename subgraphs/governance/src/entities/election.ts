import { defineEntity, p } from '@mikro-orm/core';
import { Organ } from './organ.js';

/** One vote for an organ's seats on one day; the mandates it gave point at it. */
export const Election = defineEntity({
  name: 'Election',
  tableName: 'election',
  uniques: [{ properties: ['organ', 'heldOn'] }],
  properties: {
    id: p.integer().primary(),
    organ: () => p.manyToOne(Organ).index(),
    heldOn: p.string().length(10),
    // The council's electoral commission when it has one on record; commune organs are elected by their councils.
    electoralCommission: () => p.manyToOne(Organ).nullable(),
  },
});
