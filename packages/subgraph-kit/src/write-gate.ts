import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Actor } from './actor.js';
import { scopesOf } from './actor.js';
import { chainHead, entryHash } from './audit-chain.js';
import { collectChanges } from './audit-changes.js';
import { AuditEntry } from './audit-entry.js';
import { isPostgres } from './database.js';
import { conflict, forbidden, unauthenticated } from './errors.js';
import { claimKey, idempotencyClaim, isDuplicateKey, storedResult, type IdempotencyClaim } from './idempotency.js';

/** What a mutation is about to do, for authorization and (later) the audit trail. */
export interface WriteIntent {
  /** Mutation name, e.g. `registerCommunalCouncil`. */
  action: string;
  /** Global ids of the bodies the write touches, when known before writing. */
  bodies: string[];
  /** The mutation's arguments, as recorded in the audit trail (never voter-level data). */
  input?: unknown;
}

export interface WriteContext {
  em: SqlEntityManager;
  actor: Actor;
  requestId: string;
  /** The client's Idempotency-Key, forwarded by the gateway inside the signed context. */
  idempotencyKey?: string;
  /** Drops per-request caches after a write, so the returned object is read fresh. */
  resetLoaders(): void;
}

/** Decides whether an actor may perform a write; throws a coded GraphQL error when not. */
export type WritePolicy = (actor: Actor, intent: WriteIntent) => void;

/**
 * The default policy: a write needs an identity, and every body it concerns must be covered by one of the
 * actor's grants that carries the scope the mutation requires (`*` covers every body). The mutation's scope
 * itself is checked from the SDL's @requiresScopes before the resolver runs; this adds the body scoping, which
 * the SDL cannot express.
 */
export function scopedPolicy(scope: string): WritePolicy {
  return (actor, intent) => {
    if (!actor.subject) throw unauthenticated(`${intent.action} needs a signed-in user`);
    if (!scopesOf(actor).has(scope)) throw forbidden(`${intent.action} needs the ${scope} scope, which your roles do not carry`);
    const granted = actor.grants.filter((g) => scopesOf({ ...actor, grants: [g] }).has(scope)).flatMap((g) => g.bodies);
    if (granted.includes('*')) return;
    const outside = intent.bodies.filter((body) => !granted.includes(body));
    if (outside.length) throw forbidden(`Your roles do not cover ${outside.join(', ')}; you may write only for ${granted.join(', ') || 'no body'}`);
  };
}

/**
 * Every mutation goes through here: authorize, then run the work in one transaction together with its audit
 * entry, so a failure at any point leaves the database as it was. `work` must validate before it writes; what
 * it returns (an id, usually) is recorded as the write's result, and every row it changed (through the unit of
 * work, or a raw statement wrapped in `trackedUpdate` / reported with `recordChange`) as the entry's changes.
 */
export async function performWrite<T>(
  ctx: WriteContext,
  policy: WritePolicy,
  intent: WriteIntent,
  work: (em: SqlEntityManager) => Promise<T>,
): Promise<T> {
  policy(ctx.actor, intent);
  const claim = ctx.idempotencyKey ? idempotencyClaim(ctx.actor.subject, ctx.idempotencyKey, intent.action, intent.input) : undefined;
  if (claim) {
    const earlier = await storedResult(ctx.em, claim);
    if (earlier.found) return replay(ctx, earlier.result as T);
  }
  let result: T;
  try {
    result = await transaction(ctx, intent, work, claim);
  } catch (error) {
    if (!claim || !isDuplicateKey(error)) throw error;
    // A concurrent duplicate committed first: answer what it answered.
    const earlier = await storedResult(ctx.em, claim);
    if (!earlier.found) throw conflict(`Another ${intent.action} request with this Idempotency-Key is in progress; retry in a moment`);
    return replay(ctx, earlier.result as T);
  }
  ctx.resetLoaders();
  return result;
}

function replay<T>(ctx: WriteContext, result: T): T {
  ctx.resetLoaders();
  return result;
}

/**
 * On SQLite, takes the write lock before the transaction reads anything. A transaction that has read and then
 * writes is refused at once with SQLITE_BUSY while another connection holds the lock (SQLite skips the busy handler
 * there to avoid deadlock), so the busy timeout would never apply; asked for first, the lock is waited for up to the
 * timeout. (`begin immediate` would say the same, but a failing BEGIN inside Kysely never releases its connection.)
 * A delete that matches nothing still opens the write transaction and changes no row.
 */
async function takeSqliteWriteLock(tx: SqlEntityManager): Promise<void> {
  await tx.execute('delete from idempotency_record where 0');
}

async function transaction<T>(ctx: WriteContext, intent: WriteIntent, work: (em: SqlEntityManager) => Promise<T>, claim?: IdempotencyClaim): Promise<T> {
  return ctx.em.transactional(async (em) => {
    const tx = em as SqlEntityManager;
    if (!isPostgres(tx)) await takeSqliteWriteLock(tx);
    const record = claim ? await claimKey(tx, claim) : undefined;
    // The work's flushes (and its tracked raw statements) report to this log; the last flush catches anything
    // it left pending, so the entry lists every row before it is written (audit entries are append-only).
    const { done, changes } = await collectChanges(async (log) => {
      const done = await work(tx);
      await tx.flush();
      return { done, changes: log.list() };
    });
    if (record) (record as { result: unknown }).result = done ?? null;
    const fields = {
      at: new Date().toISOString(),
      subject: ctx.actor.subject,
      roles: ctx.actor.roles,
      action: intent.action,
      body: intent.bodies[0] ?? null,
      bodies: intent.bodies,
      requestId: ctx.requestId,
      input: intent.input ?? null,
      result: done ?? null,
      changes,
    };
    // Each body's entries form a hash chain (audit-chain.ts), so a rewritten or removed entry shows.
    const previousHash = await chainHead(tx, fields.body);
    tx.create(AuditEntry, { ...fields, previousHash, hash: entryHash(previousHash, fields) });
    await tx.flush();
    return done;
  });
}
