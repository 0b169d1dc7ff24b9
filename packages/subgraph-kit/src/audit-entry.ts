import { defineEntity, p } from '@mikro-orm/core';
import type { AuditChange } from './audit-changes.js';

/**
 * One write, as social control needs to see it: who (subject and roles), when, which bodies, what was asked and
 * what it produced, which rows it changed (before and after), and the request id that ties it to the logs. Written by the write gate in the same
 * transaction as the write itself, so there is never one without the other. Every subgraph has this table.
 */
export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  properties: {
    id: p.integer().primary(),
    at: p.string().length(30).index(),
    subject: p.string().length(200).nullable(),
    roles: p.json<string[]>(),
    action: p.string().length(100).index(),
    // The first body the write is about, for per-body queries; all of them are in `bodies`.
    body: p.string().length(60).nullable().index(),
    bodies: p.json<string[]>(),
    requestId: p.string().length(100),
    input: p.json<unknown>().nullable(),
    result: p.json<unknown>().nullable(),
    // Every row the write created, updated or deleted, with old and new values; null on entries older than the column.
    changes: p.json<AuditChange[]>().nullable(),
    // The hash chain of the entry's body (audit-chain.ts); null on entries older than the chain.
    previousHash: p.string().length(64).nullable(),
    hash: p.string().length(64).nullable(),
  },
  // The head of a body's chain is its latest entry.
  indexes: [{ properties: ['body', 'id'] }],
});
