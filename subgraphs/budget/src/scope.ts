import { isPostgres } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { TerritoryScopeRow } from './rows.js';

/** The bodies a scope names, without repeats (a body listed twice must not be counted twice). */
export function scopeBodies(scope: TerritoryScopeRow): string[] {
  return [...new Set([...scope.councilIds, ...scope.communeIds, ...scope.circuitIds])];
}

/**
 * A CTE `s(t, b)` pairing each territory of a batch with each body in its scope. Listed bodies travel as ONE JSON
 * parameter: a batch of any size, with scopes of any size, stays one statement with one parameter (IN lists would
 * hit the drivers' parameter limits at national scale). A state's bodies are not shipped at all: they are the
 * known bodies whose state it is (the map the state summaries are keyed by), so its lists are ignored.
 */
export function scopeCte(em: SqlEntityManager, scopes: { territoryId: string; scope: TerritoryScopeRow }[]): { sql: string; params: unknown[] } {
  const listed = scopes.filter(({ scope }) => !scope.stateId).flatMap(({ territoryId, scope }) => scopeBodies(scope).map((b) => ({ t: territoryId, b })));
  const states = scopes.filter(({ scope }) => scope.stateId).map(({ territoryId, scope }) => ({ t: territoryId, s: scope.stateId }));
  const params = [JSON.stringify(listed), JSON.stringify(states)];
  if (isPostgres(em)) {
    return {
      sql: `s as (select x->>'t' as t, x->>'b' as b from jsonb_array_elements(cast(? as jsonb)) as x
        union all select x->>'t' as t, kb.id as b from jsonb_array_elements(cast(? as jsonb)) as x join known_body kb on kb.state_id = x->>'s')`,
      params,
    };
  }
  return {
    sql: `s as (select json_extract(value, '$.t') as t, json_extract(value, '$.b') as b from json_each(?)
      union all select json_extract(x.value, '$.t') as t, kb.id as b from json_each(?) x cross join known_body kb on kb.state_id = json_extract(x.value, '$.s'))`,
    params,
  };
}
