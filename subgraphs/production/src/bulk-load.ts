import { rebuildStatements } from './summaries/contributions.js';
import { dropPostgresTriggers, postgresTriggers, SQLITE_TRIGGER_NAMES, sqliteTriggers } from './summaries/triggers.js';

/**
 * What a bulk load (the national generator) runs around its inserts: `before` takes the summary triggers off,
 * `after` rebuilds every state summary with one INSERT … SELECT per table and puts the triggers back. Millions
 * of rows load several times faster than through a per-row upsert, and the summaries end up the same.
 */
export function bulkLoad(kind: 'sqlite' | 'postgresql'): { before: string[]; after: string[] } {
  return kind === 'sqlite'
    ? { before: SQLITE_TRIGGER_NAMES.map((name) => `drop trigger if exists ${name}`), after: [...rebuildStatements(), ...sqliteTriggers()] }
    : { before: dropPostgresTriggers(), after: [...rebuildStatements(), ...postgresTriggers()] };
}
