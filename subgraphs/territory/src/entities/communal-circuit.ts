import { defineEntity, p } from '@mikro-orm/core';
import { Commune } from './commune.js';
import { provenanceProperties } from './provenance.js';
import { registryProperties } from './registry-columns.js';
import { State } from './state.js';

/** A communal circuit: a voting and coordination grouping of councils, distinct from a commune. */
export const CommunalCircuit = defineEntity({
  name: 'CommunalCircuit',
  tableName: 'communal_circuit',
  properties: {
    id: p.integer().primary(),
    ...registryProperties(),
    state: () => p.manyToOne(State).index(),
    commune: () => p.manyToOne(Commune).nullable().index(),
    ...provenanceProperties(),
  },
});
