import { isPostgres } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';

/** One row of a batch's scope: which figure (k) a body (b, or `*` for every body) counts towards, over [f, t]. */
export type ScopeRow = [key: string, body: string, from: string, to: string];

/**
 * A derived table `(k, b, f, t)` of a whole batch's scopes, passed as ONE JSON parameter: the statement's text
 * and parameter count stay the same whether the batch holds one commune or the national list of councils, and
 * nothing runs into the databases' limits on bound parameters.
 */
export function scopeTable(em: SqlEntityManager, rows: ScopeRow[]): { sql: string; params: unknown[] } {
  const json = JSON.stringify(rows);
  if (isPostgres(em)) {
    return { sql: 'select x->>0 as k, x->>1 as b, x->>2 as f, x->>3 as t from jsonb_array_elements(cast(? as jsonb)) as x', params: [json] };
  }
  return {
    sql: "select json_extract(value, '$[0]') as k, json_extract(value, '$[1]') as b, json_extract(value, '$[2]') as f, json_extract(value, '$[3]') as t from json_each(?)",
    params: [json],
  };
}
