import type { SqlEntityManager } from '@mikro-orm/sql';
import { AuditEntry } from './audit-entry.js';

/**
 * Who is asking. Until the trust issue lands, every caller is anonymous; the write gate is already the one
 * place that will decide from it, so mutations need no change when authentication arrives.
 */
export interface Actor {
  subject: string | null;
  roles: string[];
}

export const anonymous: Actor = Object.freeze({ subject: null, roles: [] });

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
  /** Drops per-request caches after a write, so the returned object is read fresh. */
  resetLoaders(): void;
}

/** Decides whether an actor may perform a write; throws a coded GraphQL error when not. */
export type WritePolicy = (actor: Actor, intent: WriteIntent) => void;

/** The policy in force until authentication exists: every write is allowed. */
export const openPolicy: WritePolicy = () => {};

/**
 * Every mutation goes through here: authorize, then run the work in one transaction together with its audit
 * entry, so a failure at any point leaves the database as it was. `work` must validate before it writes; what
 * it returns (an id, usually) is recorded as the write's result.
 */
export async function performWrite<T>(
  ctx: WriteContext,
  policy: WritePolicy,
  intent: WriteIntent,
  work: (em: SqlEntityManager) => Promise<T>,
): Promise<T> {
  policy(ctx.actor, intent);
  const result = await ctx.em.transactional(async (em) => {
    const tx = em as SqlEntityManager;
    const done = await work(tx);
    tx.create(AuditEntry, {
      at: new Date().toISOString(),
      subject: ctx.actor.subject,
      roles: ctx.actor.roles,
      action: intent.action,
      body: intent.bodies[0] ?? null,
      bodies: intent.bodies,
      requestId: ctx.requestId,
      input: intent.input ?? null,
      result: done ?? null,
    });
    await tx.flush();
    return done;
  });
  ctx.resetLoaders();
  return result;
}
