import { createHash } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { isPostgres } from './database.js';

/** The fields of an audit entry its hash covers (everything but its id and the hashes themselves). */
export interface ChainedFields {
  at: string;
  subject: string | null;
  roles: string[];
  action: string;
  body: string | null;
  bodies: string[];
  requestId: string;
  input: unknown;
  result: unknown;
  changes: unknown;
}

/** JSON with object keys sorted at every level, so a value hashes the same however a database stored it. */
export function canonicalJson(value: unknown): string {
  const normal = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(normal);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, normal((v as Record<string, unknown>)[k])]));
    return v;
  };
  return JSON.stringify(normal(JSON.parse(JSON.stringify(value ?? null))));
}

/**
 * An entry's hash: SHA-256 (hex) of the previous entry's hash of the same body (empty for the first), a newline, and
 * the canonical JSON of its fields. Anyone holding the entries (auditors read them all through the graph) can
 * recompute the chain and see that no entry of a body was changed, removed or slipped in between.
 */
export function entryHash(previousHash: string | null, fields: ChainedFields): string {
  const { at, subject, roles, action, body, bodies, requestId, input, result, changes } = fields;
  const canonical = canonicalJson({ action, at, bodies, body, changes, input, requestId, result, roles, subject });
  return createHash('sha256').update(`${previousHash ?? ''}\n${canonical}`).digest('hex');
}

/**
 * The hash of the latest entry of `body`'s chain, read inside the write's transaction. On PostgreSQL a transaction
 * lock per body (held until commit) makes concurrent writes of one body take their turn, so two cannot link to the
 * same predecessor; SQLite's write lock, taken first by the gate, already serialises every write.
 */
export async function chainHead(tx: SqlEntityManager, body: string | null): Promise<string | null> {
  if (isPostgres(tx)) await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`audit_entry:${body ?? ''}`]);
  const rows = body === null
    ? await tx.execute('select hash from audit_entry where body is null order by id desc limit 1')
    : await tx.execute('select hash from audit_entry where body = ? order by id desc limit 1', [body]);
  return (rows[0]?.hash as string | null | undefined) ?? null;
}

export interface ChainCheck {
  /** Entries whose hash was recomputed and matched. */
  verified: number;
  /** Entries written before the chain existed (no hash), skipped at the start of the chain. */
  unhashed: number;
  /** The first entry whose hash or link does not match, if any. */
  brokenAt: number | null;
}

/** Recomputes `body`'s chain from its first entry, oldest first. */
export async function verifyAuditChain(em: SqlEntityManager, body: string | null): Promise<ChainCheck> {
  const columns = 'id, at, subject, roles, action, body, bodies, request_id as "requestId", input, result, changes, previous_hash as "previousHash", hash';
  const rows = body === null
    ? await em.execute(`select ${columns} from audit_entry where body is null order by id`)
    : await em.execute(`select ${columns} from audit_entry where body = ? order by id`, [body]);
  // PostgreSQL hands JSON columns back parsed; SQLite hands back their text.
  const postgres = isPostgres(em);
  const json = (v: unknown) => (v === null || v === undefined ? null : postgres ? v : JSON.parse(String(v)));
  const check: ChainCheck = { verified: 0, unhashed: 0, brokenAt: null };
  let previous: string | null = null;
  for (const r of rows) {
    if (r.hash == null) {
      if (check.verified) return { ...check, brokenAt: Number(r.id) };
      check.unhashed++;
      continue;
    }
    const fields: ChainedFields = {
      at: String(r.at),
      subject: (r.subject as string | null) ?? null,
      roles: json(r.roles) as string[],
      action: String(r.action),
      body: (r.body as string | null) ?? null,
      bodies: json(r.bodies) as string[],
      requestId: String(r.requestId),
      input: json(r.input),
      result: json(r.result),
      changes: json(r.changes),
    };
    if (((r.previousHash as string | null) ?? null) !== previous || entryHash(previous, fields) !== r.hash) return { ...check, brokenAt: Number(r.id) };
    previous = String(r.hash);
    check.verified++;
  }
  return check;
}
