import { rebuildStatements } from './summaries/contributions.js';
import { dropPostgresTriggers, postgresTriggers, sqliteTriggerNames, sqliteTriggers } from './summaries/triggers.js';

/**
 * What a bulk load (the national generator, packages/national-data) runs around its inserts: `before` takes the
 * summary triggers off, `after` rebuilds every state summary with one INSERT … SELECT per contribution and puts
 * the triggers back, so 1.7 million governance rows load without a per-row upsert and the summaries end up the same.
 */
export function bulkLoad(kind: 'sqlite' | 'postgresql'): { before: string[]; after: string[] } {
  return kind === 'sqlite'
    ? { before: sqliteTriggerNames().map((name) => `drop trigger if exists ${name}`), after: [...rebuildStatements('sqlite'), ...sqliteTriggers()] }
    : { before: dropPostgresTriggers(), after: [...rebuildStatements('postgresql'), ...postgresTriggers()] };
}
