import { badInput, isPostgres } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ScopedTerritory, TerritoryRef } from '../rows.js';

/** The bodies a territory covers, from the scope territory sent along (`@requires`); null means every body. */
export function scoped(ref: TerritoryRef): ScopedTerritory {
  if (!ref.scope) {
    throw badInput(`Territory ${ref.id} came without its scope; production figures are asked for through the gateway, which fetches it from territory`);
  }
  const { everything, councilIds, communeIds, circuitIds } = ref.scope;
  return { id: ref.id, bodies: everything ? null : [...new Set([...councilIds, ...communeIds, ...circuitIds])] };
}

/**
 * A `scope(t, body, every)` common table expression holding every (territory, body) pair of a batch, passed as
 * ONE JSON parameter, so a batch of any size and any scope sizes is one statement with one placeholder. A
 * territory with `everything` is one row with every = '1', which the joins treat as matching any body.
 */
export function scopeCte(em: SqlEntityManager, territories: readonly ScopedTerritory[]): { sql: string; param: string } {
  const pairs: [string, string, string][] = [];
  for (const t of territories) {
    if (t.bodies === null) pairs.push([t.id, '', '1']);
    else for (const body of t.bodies) pairs.push([t.id, body, '0']);
  }
  const sql = isPostgres(em)
    ? 'scope(t, body, every) as (select distinct x->>0, x->>1, x->>2 from jsonb_array_elements(cast(? as jsonb)) as x)'
    : "scope(t, body, every) as (select distinct json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') from json_each(?))";
  return { sql, param: JSON.stringify(pairs) };
}

/** The join condition of a scope row with a body id column. */
export const inScope = (column: string, alias = 's') => `(${alias}.every = '1' or ${alias}.body = ${column})`;
