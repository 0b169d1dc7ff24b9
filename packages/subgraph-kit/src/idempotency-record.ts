import { defineEntity, p } from '@mikro-orm/core';

/**
 * A write accepted under a client's idempotency key, stored in the same transaction as the write: a repeat of
 * the request (a field report resent over a bad connection) gets the stored result instead of a second write.
 * `key` is a hash of who sent it, the key and the action, so clients cannot see or collide with each other's keys.
 */
export const IdempotencyRecord = defineEntity({
  name: 'IdempotencyRecord',
  tableName: 'idempotency_record',
  properties: {
    key: p.string().length(64).primary(),
    action: p.string().length(100),
    /** Hash of the action and its input: the same key with another request is refused, not replayed. */
    fingerprint: p.string().length(64),
    result: p.json<unknown>().nullable(),
    at: p.string().length(30).index(),
  },
});

/** The same table for PostgreSQL, where subgraph migrations own the schema and the kit adds its own table. */
export const IDEMPOTENCY_TABLE_POSTGRES = `create table if not exists idempotency_record (
  key varchar(64) not null primary key,
  action varchar(100) not null,
  fingerprint varchar(64) not null,
  result jsonb null,
  at varchar(30) not null)`;
export const IDEMPOTENCY_INDEX_POSTGRES = 'create index if not exists idempotency_record_at_index on idempotency_record (at)';
