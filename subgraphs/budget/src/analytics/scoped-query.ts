import type { SqlEntityManager } from '@mikro-orm/sql';
import type { TerritoryScopeRow } from '../rows.js';
import { scopeCte } from '../scope.js';

export interface ScopedKey {
  territoryId: string;
  scope: TerritoryScopeRow;
}

/** How a statement reads a fact table: joined to the scope pairs `s(t, b)`, or whole for the nation. */
export interface FactSource {
  with: string;
  /** `from` clause of a fact table whose `bodyColumn` names the body. */
  from(table: string, alias: string, bodyColumn: string): string;
  /** The territory column (a constant for the nation). */
  key: string;
  /** `group by` the territory plus `extra` (the nation is one group: it has no territory column to group by). */
  groupBy(extra?: string): string;
  params: unknown[];
}

const ALL = '*';

/**
 * Runs `statement` once for the scoped territories of a batch and once for the nation (whose scope is everything,
 * so it reads whole tables instead of joining 50,000 ids), and returns every row with `t` naming the territory.
 */
export async function scopedRows(em: SqlEntityManager, keys: readonly ScopedKey[], statement: (source: FactSource) => { sql: string; params: unknown[] }) {
  const scoped = keys.filter((k) => !k.scope.everything);
  const runs: Promise<Record<string, unknown>[]>[] = [];
  if (scoped.length) {
    const cte = scopeCte(em, scoped);
    const { sql, params } = statement({ with: `with ${cte.sql} `, from: (table, alias, column) => `s join ${table} ${alias} on ${alias}.${column} = s.b`, key: 's.t', groupBy: (extra) => `group by s.t${extra ? `, ${extra}` : ''}`, params: cte.params });
    runs.push(em.execute(sql, params));
  }
  const nation = keys.filter((k) => k.scope.everything);
  if (nation.length) {
    const { sql, params } = statement({ with: '', from: (table, alias) => `${table} ${alias}`, key: `'${ALL}'`, groupBy: (extra) => (extra ? `group by ${extra}` : ''), params: [] });
    runs.push(
      em.execute(sql, params).then((rows) => nation.flatMap((k) => rows.map((row) => ({ ...row, t: k.territoryId })))),
    );
  }
  return (await Promise.all(runs)).flat();
}
