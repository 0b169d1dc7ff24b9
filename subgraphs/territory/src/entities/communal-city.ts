import { defineEntity, p } from '@mikro-orm/core';
import { provenanceProperties } from './provenance.js';
import { registryProperties } from './registry-columns.js';
import { State } from './state.js';

/** A communal city: communes joined by popular initiative. */
export const CommunalCity = defineEntity({
  name: 'CommunalCity',
  tableName: 'communal_city',
  properties: {
    id: p.integer().primary(),
    ...registryProperties(),
    foundedOn: p.string().length(10),
    // Where the registry counts the city: the seat state of the first commune that formed it.
    seatState: () => p.manyToOne(State).index(),
    ...provenanceProperties(),
  },
});
