import { defineEntity, p } from '@mikro-orm/core';
import { REGISTRY_STATUSES } from './registry-columns.js';

/** One entry of a body's registry history; rows are only ever added. */
export const StatusChange = defineEntity({
  name: 'StatusChange',
  tableName: 'status_change',
  properties: {
    id: p.integer().primary(),
    // Global id of the body (`council:12`): one history table serves every kind of body.
    bodyId: p.string().length(40).index(),
    status: p.enum(REGISTRY_STATUSES),
    previousStatus: p.enum(REGISTRY_STATUSES).nullable(),
    effectiveOn: p.string().length(10),
    reason: p.string().length(500),
  },
});
