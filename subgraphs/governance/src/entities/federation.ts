import { defineEntity, p } from '@mikro-orm/core';
import { provenanceProperties } from './provenance.js';

/** An organisation of communes (the Unión Comunera and the like). */
export const Federation = defineEntity({
  name: 'Federation',
  tableName: 'federation',
  properties: {
    id: p.integer().primary(),
    name: p.string().length(200).unique(),
    foundedOn: p.string().length(10),
    foundedAt: p.string().length(200),
    ...provenanceProperties(),
  },
});
