import { defineEntity, p } from '@mikro-orm/core';
import { provenanceProperties } from './provenance.js';

/**
 * A spokesperson (vocero/vocera). A name and nothing else: national ID numbers, phones and addresses have no
 * column here, so the public graph cannot leak them. `subject` links the person to a login (the identity
 * provider's subject) so the gateway can derive their roles from their active mandates; it is never in the graph.
 */
export const Spokesperson = defineEntity({
  name: 'Spokesperson',
  tableName: 'spokesperson',
  properties: {
    id: p.integer().primary(),
    name: p.string().length(200).index(),
    subject: p.string().length(200).nullable().unique(),
    ...provenanceProperties(),
  },
});
