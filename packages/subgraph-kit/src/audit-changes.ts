import { AsyncLocalStorage } from 'node:async_hooks';
import { helper, type EntityMetadata, type EntityName, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';

export type ChangeOperation = 'CREATE' | 'UPDATE' | 'DELETE';

/**
 * What one write did to one row. `before` is null for a creation and `after` null for a deletion; an update
 * carries only the fields it changed, with their old and new values. Field names are the entity's property names.
 */
export interface AuditChange {
  entity: string;
  id: string;
  op: ChangeOperation;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The gate's own bookkeeping is not part of what a write changed. */
const OWN_TABLES = new Set(['AuditEntry', 'IdempotencyRecord']);

/**
 * The changes of one write, merged per row: a row created and then updated within the write is one creation
 * with its final values; a row updated twice keeps its first old values and its last new ones; a row created
 * and deleted within the write never existed for anyone outside it.
 */
export class ChangeLog {
  readonly #rows = new Map<string, AuditChange>();
  #pending: { type: string; entity: object; meta: EntityMetadata; payload: Record<string, unknown>; original: Record<string, unknown> | null }[] = [];

  record(change: AuditChange): void {
    const key = `${change.entity}#${change.id}`;
    const earlier = this.#rows.get(key);
    if (!earlier) {
      this.#rows.set(key, change);
      return;
    }
    const merged = merge(earlier, change);
    if (merged) this.#rows.set(key, merged);
    else this.#rows.delete(key);
  }

  list(): AuditChange[] {
    return [...this.#rows.values()];
  }

  /** Change sets as the unit of work computed them; their ids are known only once they are flushed. */
  stage(changeSets: Iterable<{ type: string; entity: object; meta: EntityMetadata; payload: object; originalEntity?: object }>): void {
    for (const cs of changeSets) {
      if (OWN_TABLES.has(cs.meta.className)) continue;
      // A deletion's change set carries no original: the entity's snapshot as loaded is the row being deleted.
      const original = (cs.originalEntity ?? helper(cs.entity).__originalEntityData) as Record<string, unknown> | undefined;
      this.#pending.push({ type: cs.type, entity: cs.entity, meta: cs.meta, payload: { ...cs.payload }, original: original ? { ...original } : null });
    }
  }

  settle(): void {
    const pending = this.#pending;
    this.#pending = [];
    for (const cs of pending) {
      const id = primaryKeyOf(cs.entity, cs.meta, cs.original);
      if (cs.type.startsWith('create')) {
        // After the insert the entity's snapshot holds every column, generated id and defaults included.
        const inserted = (helper(cs.entity).__originalEntityData ?? cs.payload) as Record<string, unknown>;
        this.record({ entity: cs.meta.className, id, op: 'CREATE', before: null, after: plainRecord(inserted) });
      } else if (cs.type.startsWith('delete')) {
        this.record({ entity: cs.meta.className, id, op: 'DELETE', before: plainRecord(cs.original ?? {}), after: null });
      } else {
        const fields = Object.keys(cs.payload);
        if (!fields.length) continue;
        const before = Object.fromEntries(fields.map((f) => [f, plain(cs.original?.[f])]));
        this.record({ entity: cs.meta.className, id, op: 'UPDATE', before, after: plainRecord(cs.payload) });
      }
    }
  }
}

function merge(earlier: AuditChange, later: AuditChange): AuditChange | null {
  if (earlier.op === 'CREATE' && later.op === 'DELETE') return null;
  if (earlier.op === 'CREATE') return { ...earlier, after: { ...earlier.after, ...later.after } };
  if (later.op === 'DELETE') return { ...later, before: { ...later.before, ...earlier.before } };
  if (earlier.op === 'DELETE') return { ...earlier, op: 'UPDATE', after: later.after };
  return { ...earlier, before: { ...later.before, ...earlier.before }, after: { ...earlier.after, ...later.after } };
}

function primaryKeyOf(entity: object, meta: EntityMetadata, original: Record<string, unknown> | null): string {
  const values = meta.primaryKeys.map((pk) => plain((entity as Record<string, unknown>)[pk] ?? original?.[pk]));
  return values.map(String).join('~');
}

/** A value as JSON can hold it: bigints and dates as text, references as the key they point at. */
export function plain(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    const v = value as { getValue?: () => unknown };
    // An EntityIdentifier: the key of a row inserted in the same flush, known once it is flushed.
    if (typeof v.getValue === 'function') return plain(v.getValue());
    if (Buffer.isBuffer(value)) return value.toString('base64');
    return plainRecord(value as Record<string, unknown>);
  }
  return value;
}

function plainRecord(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, plain(v)]));
}

const current = new AsyncLocalStorage<ChangeLog>();

/** Runs `work` with a fresh change log that every flush and tracked statement inside it reports to. */
export function collectChanges<T>(work: (log: ChangeLog) => Promise<T>): Promise<T> {
  const log = new ChangeLog();
  return current.run(log, () => work(log));
}

/**
 * Registered on every ORM the kit starts: the unit of work's change sets of each flush inside a write, taken
 * before they are persisted (old values) and settled after (generated ids).
 */
export const changeCapture: EventSubscriber = {
  async onFlush({ uow }: FlushEventArgs) {
    current.getStore()?.stage(uow.getChangeSets() as never);
  },
  async afterFlush(_args: FlushEventArgs) {
    current.getStore()?.settle();
  },
};

/**
 * For a write the unit of work does not see: a change the caller describes itself. Refused outside a write, so a
 * raw statement can never slip past the audit trail unnoticed.
 */
export function recordChange(change: AuditChange): void {
  const log = current.getStore();
  if (!log) throw new Error(`recordChange(${change.entity}#${change.id}) outside performWrite: every write goes through the write gate`);
  log.record({ ...change, before: change.before && plainRecord(change.before), after: change.after && plainRecord(change.after) });
}

/**
 * Runs a raw UPDATE of rows of `entity` (by primary key) and records what it changed: the rows are read before
 * and after, and every column that differs is reported under its property name. For statements the unit of
 * work does not see (set-based updates, version bumps, guarded updates).
 */
export async function trackedUpdate<T>(em: SqlEntityManager, entity: EntityName, ids: readonly (number | string)[], run: () => Promise<T>): Promise<T> {
  if (!current.getStore()) throw new Error('trackedUpdate outside performWrite: every write goes through the write gate');
  if (!ids.length) return run();
  const meta = em.getMetadata().find(entity as never) as EntityMetadata | undefined;
  if (!meta) throw new Error(`trackedUpdate: ${String(entity)} is not an entity of this database`);
  const pk = meta.primaryKeys[0]!;
  const pkColumn = meta.properties[pk]!.fieldNames[0]!;
  const read = async () => {
    const rows = await em.execute(`select * from "${meta.tableName}" where "${pkColumn}" in (${ids.map(() => '?').join(', ')})`, [...ids]);
    return new Map(rows.map((row) => [String(row[pkColumn]), row as Record<string, unknown>]));
  };
  const property = (column: string) => Object.values(meta.properties).find((p) => p.fieldNames?.includes(column))?.name ?? column;
  const before = await read();
  const result = await run();
  for (const [id, row] of await read()) {
    const old = before.get(id);
    if (!old) continue;
    const changed = Object.keys(row).filter((column) => JSON.stringify(plain(row[column])) !== JSON.stringify(plain(old[column])));
    if (!changed.length) continue;
    recordChange({
      entity: meta.className,
      id,
      op: 'UPDATE',
      before: Object.fromEntries(changed.map((c) => [property(c), old[c]])),
      after: Object.fromEntries(changed.map((c) => [property(c), row[c]])),
    });
  }
  return result;
}
