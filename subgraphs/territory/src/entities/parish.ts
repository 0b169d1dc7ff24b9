import { defineEntity, p } from '@mikro-orm/core';
import { Municipality } from './municipality.js';
import { provenanceProperties } from './provenance.js';
import { State } from './state.js';

/** A parish of a municipality; `state` is copied from the municipality so state roll-ups need no join. */
export const Parish = defineEntity({
  name: 'Parish',
  tableName: 'parish',
  properties: {
    id: p.integer().primary(),
    code: p.string().length(300).unique(),
    name: p.string().length(120),
    municipality: () => p.manyToOne(Municipality).index(),
    state: () => p.manyToOne(State).index(),
    ...provenanceProperties(),
  },
});
