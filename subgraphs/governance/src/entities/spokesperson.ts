import { defineEntity, p } from '@mikro-orm/core';
import { provenanceProperties } from './provenance.js';

/**
 * A spokesperson (vocero/vocera). A name and nothing else: national ID numbers, phones and addresses have no
 * column here, so the public graph cannot leak them.
 */
export const Spokesperson = defineEntity({
  name: 'Spokesperson',
  tableName: 'spokesperson',
  properties: {
    id: p.integer().primary(),
    name: p.string().length(200).index(),
    ...provenanceProperties(),
  },
});
