import { isPostgres } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { TerritoryScopeRow } from './rows.js';

/** The bodies a scope names, without repeats (a body listed twice must not be counted twice). */
export function scopeBodies(scope: TerritoryScopeRow): string[] {
  return [...new Set([...scope.councilIds, ...scope.communeIds, ...scope.circuitIds])];
}

/**
 * A CTE `s(t, b)` pairing each territory of a batch with each body in its scope, passed as ONE JSON parameter:
 * a batch of any size, with scopes of any size, stays one statement with one parameter (IN lists would hit the
 * drivers' parameter limits at national scale).
 */
export function scopeCte(em: SqlEntityManager, scopes: { territoryId: string; scope: TerritoryScopeRow }[]): { sql: string; params: unknown[] } {
  const pairs = scopes.flatMap(({ territoryId, scope }) => scopeBodies(scope).map((b) => ({ t: territoryId, b })));
  const json = JSON.stringify(pairs);
  if (isPostgres(em)) {
    return { sql: `s as (select x->>'t' as t, x->>'b' as b from jsonb_array_elements(cast(? as jsonb)) as x)`, params: [json] };
  }
  return { sql: `s as (select json_extract(value, '$.t') as t, json_extract(value, '$.b') as b from json_each(?))`, params: [json] };
}
