import { defineEntity, p } from '@mikro-orm/core';
import { provenanceProperties } from './provenance.js';

export const PROJECT_CATEGORIES = ['HOUSING', 'WATER', 'ROADS', 'ELECTRICITY', 'HEALTH', 'EDUCATION', 'PRODUCTION', 'CULTURE', 'OTHER'] as const;
export const PROJECT_STATUSES = ['PROPOSED', 'APPROVED', 'IN_EXECUTION', 'DONE', 'ABANDONED'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** A proposed or funded work of a body; cost in integer minor units of its currency. */
export const Project = defineEntity({
  name: 'Project',
  tableName: 'project',
  properties: {
    id: p.integer().primary(),
    name: p.string().length(200),
    category: p.enum(PROJECT_CATEGORIES),
    bodyId: p.string().length(40).index(),
    estimatedCostMinor: p.bigint(),
    currency: p.string().length(3),
    status: p.enum(PROJECT_STATUSES).index(),
    proposedOn: p.string().length(10).index(),
    // Kept on the row so "committed in a period" is one indexed range, not a scan of the history.
    approvedOn: p.string().length(10).nullable().index(),
    ...provenanceProperties(),
  },
});
