import { dropPostgresFactTriggers, postgresFactTriggers, sqliteFactTriggerNames, sqliteFactTriggers, statementBlock as block } from '@comuna/subgraph-kit';
import { bodyDelta, CONTRIBUTIONS, rowDelta, SOURCES } from './contributions.js';

const facts = () =>
  SOURCES.map((table) => {
    const mine = CONTRIBUTIONS.filter((c) => c.source === table);
    return { table, removeOld: mine.map((c) => rowDelta(c, 'old', -1)), addNew: mine.map((c) => rowDelta(c, 'new', 1)) };
  });
const rekey = () => CONTRIBUTIONS.flatMap((c) => [bodyDelta(c, 'old.id', 'old.state_id', -1), bodyDelta(c, 'new.id', 'new.state_id', 1)]);

/**
 * SQLite: after-row triggers on each fact table, and on known_body when a body changes state (its facts move to the
 * new state's summaries). Idempotent.
 */
export function sqliteTriggers(): string[] {
  return [
    ...sqliteFactTriggers(facts()),
    `create trigger if not exists known_body_summary_rekey after update of state_id on known_body
       when coalesce(old.state_id, '') <> coalesce(new.state_id, '') begin\n${block(rekey())}\nend`,
  ];
}

/** Names of the SQLite triggers, so a bulk load can drop them and recreate them after a rebuild. */
export function sqliteTriggerNames(): string[] {
  return [...sqliteFactTriggerNames(SOURCES), 'known_body_summary_rekey'];
}

/** PostgreSQL: one plpgsql function and one row trigger per fact table, and the re-keying on known_body. */
export function postgresTriggers(): string[] {
  return [
    ...postgresFactTriggers('budget', facts()),
    `create or replace function budget_known_body_summary_rekey() returns trigger language plpgsql as $$
     begin\n${block(rekey())}\nreturn null;
     end $$`,
    'drop trigger if exists known_body_summary_rekey on known_body',
    `create trigger known_body_summary_rekey after update of state_id on known_body for each row
       when (coalesce(old.state_id, '') <> coalesce(new.state_id, '')) execute function budget_known_body_summary_rekey()`,
  ];
}

/** Undoes postgresTriggers (the migration's down). */
export function dropPostgresTriggers(): string[] {
  return [...dropPostgresFactTriggers('budget', SOURCES), 'drop trigger if exists known_body_summary_rekey on known_body', 'drop function if exists budget_known_body_summary_rekey()'];
}
