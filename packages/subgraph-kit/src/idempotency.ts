import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { badInput, conflict } from './errors.js';
import { IdempotencyRecord } from './idempotency-record.js';

/** What a client may send as `Idempotency-Key`: long enough for a UUID, short enough to index. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\w.:-]{8,200}$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface IdempotencyClaim {
  key: string;
  fingerprint: string;
  action: string;
}

export function idempotencyClaim(subject: string | null, clientKey: string, action: string, input: unknown): IdempotencyClaim {
  if (!IDEMPOTENCY_KEY_PATTERN.test(clientKey)) throw badInput('Idempotency-Key must be 8 to 200 letters, digits, ".", ":", "_" or "-" (a UUID is a good key)');
  return { key: sha256(`${subject ?? ''}\n${clientKey}\n${action}`), fingerprint: sha256(`${action}\n${JSON.stringify(input ?? null)}`), action };
}

/** The stored answer to an earlier request under this key, if there is one; refuses the key reused for another request. */
export async function storedResult(em: SqlEntityManager, claim: IdempotencyClaim): Promise<{ found: boolean; result?: unknown }> {
  // A fresh fork: the request's own EntityManager may hold a rolled-back claim in its identity map.
  const row = await em.fork().findOne(IdempotencyRecord, { key: claim.key });
  if (!row) return { found: false };
  if (row.fingerprint !== claim.fingerprint) {
    throw conflict(`This Idempotency-Key was already used for a different ${claim.action} request; use a new key for a new request`, { reason: 'IDEMPOTENCY_KEY_REUSED' });
  }
  return { found: true, result: row.result };
}

/**
 * Claims the key inside the write's transaction, before the work: on PostgreSQL a concurrent duplicate blocks on
 * the key's row until the first commits, then fails the unique constraint and replays the stored result.
 */
export async function claimKey(tx: SqlEntityManager, claim: IdempotencyClaim): Promise<IdempotencyRecordRow> {
  const record = tx.create(IdempotencyRecord, { key: claim.key, action: claim.action, fingerprint: claim.fingerprint, result: null, at: new Date().toISOString() });
  await tx.flush();
  return record;
}

export type IdempotencyRecordRow = ReturnType<SqlEntityManager['create']>;

export const isDuplicateKey = (error: unknown) => error instanceof UniqueConstraintViolationException;
