import { defineEntity, p } from '@mikro-orm/core';
import { FundingSource } from './funding-source.js';
import { Project } from './project.js';
import { provenanceProperties } from './provenance.js';

/** Money from a source to a body, optionally earmarked for one of its projects. */
export const Transfer = defineEntity({
  name: 'Transfer',
  tableName: 'transfer',
  properties: {
    id: p.integer().primary(),
    source: () => p.manyToOne(FundingSource).index(),
    bodyId: p.string().length(40).index(),
    project: () => p.manyToOne(Project).nullable().index(),
    amountMinor: p.bigint(),
    currency: p.string().length(3),
    transferredOn: p.string().length(10).index(),
    purpose: p.string().length(500),
    ...provenanceProperties(),
  },
});
