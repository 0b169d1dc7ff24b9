import { defineEntity, p } from '@mikro-orm/core';
import { provenanceProperties } from './provenance.js';
import { State } from './state.js';

/** A municipality of a state. */
export const Municipality = defineEntity({
  name: 'Municipality',
  tableName: 'municipality',
  properties: {
    id: p.integer().primary(),
    code: p.string().length(200).unique(),
    name: p.string().length(120),
    state: () => p.manyToOne(State).index(),
    ...provenanceProperties(),
  },
});
