import { defineEntity, p } from '@mikro-orm/core';
import { Federation } from './federation.js';
import { provenanceProperties } from './provenance.js';

export const MEMBER_KINDS = ['COMMUNE', 'MOVEMENT'] as const;

/** A commune (by territory's global id) or a movement (by name) in a federation. */
export const FederationMember = defineEntity({
  name: 'FederationMember',
  tableName: 'federation_member',
  properties: {
    id: p.integer().primary(),
    federation: () => p.manyToOne(Federation).index(),
    kind: p.enum(MEMBER_KINDS),
    name: p.string().length(200),
    communeId: p.string().length(40).nullable(),
    joinedOn: p.string().length(10),
    ...provenanceProperties(),
  },
});
