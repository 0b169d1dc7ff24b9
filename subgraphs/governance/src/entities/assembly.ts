import { defineEntity, p } from '@mikro-orm/core';
import { provenanceProperties } from './provenance.js';

export const ASSEMBLY_KINDS = ['CITIZENS_ASSEMBLY', 'PARLIAMENT_SESSION'] as const;
export type AssemblyKind = (typeof ASSEMBLY_KINDS)[number];
export const QUORUM_RULES = ['SHARE_OF_FAMILIES', 'MAJORITY_OF_SEATS'] as const;
export type QuorumRule = (typeof QUORUM_RULES)[number];

/**
 * An assembly, with the body size and quorum it was measured against frozen at recording time: a later census
 * must not turn a past assembly's decisions valid or void.
 */
export const Assembly = defineEntity({
  name: 'Assembly',
  tableName: 'assembly',
  indexes: [{ properties: ['bodyId', 'heldOn'] }],
  properties: {
    id: p.integer().primary(),
    bodyId: p.string().length(40),
    kind: p.enum(ASSEMBLY_KINDS),
    heldOn: p.string().length(10).index(),
    attendance: p.integer(),
    quorumRule: p.enum(QUORUM_RULES),
    bodySize: p.integer(),
    bodySizeSource: p.string().length(120),
    quorumRequired: p.integer(),
    quorate: p.boolean(),
    agenda: p.json<string[]>(),
    idempotencyKey: p.string().length(100).nullable().unique(),
    ...provenanceProperties(),
  },
});
