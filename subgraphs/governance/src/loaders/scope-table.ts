import { isPostgres } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';

/**
 * One row of a batch's scope: which figure (k) a body (b; `*` for every body; `@<state id>` for the bodies of a
 * state) counts towards, over [f, t].
 */
export type ScopeRow = [key: string, body: string, from: string, to: string];

/** The body column's prefix of a state row: its bodies are the ones body_state files under that state. */
export const STATE_ROW = '@';

/**
 * A derived table `(k, b, f, t)` of a whole batch's scopes, passed as ONE JSON parameter: the statement's text
 * and parameter count stay the same whether the batch holds one commune or the national list of councils, and
 * nothing runs into the databases' limits on bound parameters. A state's row becomes its bodies (from
 * body_state, so territory need not ship them) unless `keepStates` (the figures read state summaries by it).
 */
export function scopeTable(em: SqlEntityManager, rows: ScopeRow[], { keepStates = false } = {}): { sql: string; params: unknown[] } {
  const json = JSON.stringify(rows);
  const rowsSql = isPostgres(em)
    ? 'select x->>0 as k, x->>1 as b, x->>2 as f, x->>3 as t from jsonb_array_elements(cast(? as jsonb)) as x'
    : "select json_extract(value, '$[0]') as k, json_extract(value, '$[1]') as b, json_extract(value, '$[2]') as f, json_extract(value, '$[3]') as t from json_each(?)";
  if (keepStates || !rows.some(([, b]) => b.startsWith(STATE_ROW))) return { sql: rowsSql, params: [json] };
  return {
    sql: `select k, b, f, t from (${rowsSql}) r where b not like '${STATE_ROW}%'
      union all select r.k, bs.body_id as b, r.f, r.t from (${rowsSql}) r join body_state bs on bs.state_id = substr(r.b, ${STATE_ROW.length + 1}) where r.b like '${STATE_ROW}%'`,
    params: [json, json],
  };
}
