import { defineEntity, p } from '@mikro-orm/core';
import { Project, PROJECT_STATUSES } from './project.js';

/** One entry of a project's life; rows are only ever added. */
export const ProjectStatusChange = defineEntity({
  name: 'ProjectStatusChange',
  tableName: 'project_status_change',
  properties: {
    id: p.integer().primary(),
    project: () => p.manyToOne(Project).index(),
    status: p.enum(PROJECT_STATUSES),
    previousStatus: p.enum(PROJECT_STATUSES).nullable(),
    effectiveOn: p.string().length(10),
    reason: p.string().length(500),
  },
});
