import { p } from '@mikro-orm/core';

export const REGISTRY_STATUSES = ['IN_FORMATION', 'REGISTERED', 'ACTIVE', 'INACTIVE', 'DISSOLVED'] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

/**
 * The current registry state of a body, kept on its own row (the history lives in status_change) so that
 * filters and dashboard counts need no scan of the history.
 */
export const registryProperties = () => ({
  code: p.string().length(40).unique(),
  name: p.string().length(200).index(),
  status: p.enum(REGISTRY_STATUSES).index(),
  registeredOn: p.string().length(10).nullable().index(),
  // Raised by every change to the body, so a client can edit what it read and no more (optimistic locking).
  version: p.integer().default(1),
});
