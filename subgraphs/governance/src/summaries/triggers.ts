import { dropPostgresFactTriggers, postgresFactTriggers, sqliteFactTriggerNames, sqliteFactTriggers, statementBlock as block } from '@comuna/subgraph-kit';
import { bodyDelta, CONTRIBUTIONS, rowDelta, SOURCES } from './contributions.js';

type Dialect = Parameters<typeof rowDelta>[3];

const facts = (dialect: Dialect) =>
  SOURCES.map((table) => {
    const mine = CONTRIBUTIONS.filter((c) => c.source === table);
    return { table, removeOld: mine.map((c) => rowDelta(c, 'old', -1, dialect)), addNew: mine.map((c) => rowDelta(c, 'new', 1, dialect)) };
  });
// A body's facts leave the state `from` (the unknown state '' for a first mapping) for its new state.
const move = (from: string, dialect: Dialect) =>
  CONTRIBUTIONS.flatMap((c) => [bodyDelta(c, 'new.body_id', from, -1, dialect), bodyDelta(c, 'new.body_id', 'new.state_id', 1, dialect)]);

/**
 * SQLite: after-row triggers on each fact table, and on body_state: a body mapped for the first time takes its
 * facts out of the unknown state (''), a body whose state changes moves them to the new one. Idempotent.
 */
export function sqliteTriggers(): string[] {
  return [
    ...sqliteFactTriggers(facts('sqlite')),
    `create trigger if not exists body_state_summary_insert after insert on body_state begin\n${block(move("''", 'sqlite'))}\nend`,
    `create trigger if not exists body_state_summary_update after update of state_id on body_state when old.state_id <> new.state_id begin\n${block(move('old.state_id', 'sqlite'))}\nend`,
  ];
}

export function sqliteTriggerNames(): string[] {
  return [...sqliteFactTriggerNames(SOURCES), 'body_state_summary_insert', 'body_state_summary_update'];
}

/** PostgreSQL: one plpgsql function and one row trigger per fact table, and the moves on body_state. */
export function postgresTriggers(): string[] {
  return [
    ...postgresFactTriggers('governance', facts('postgresql')),
    `create or replace function governance_body_state_summary() returns trigger language plpgsql as $$
     begin
       if tg_op = 'INSERT' then\n${block(move("''", 'postgresql'))}\nelse\n${block(move('old.state_id', 'postgresql'))}\nend if;
       return null;
     end $$`,
    'drop trigger if exists body_state_summary_insert on body_state',
    'create trigger body_state_summary_insert after insert on body_state for each row execute function governance_body_state_summary()',
    'drop trigger if exists body_state_summary_update on body_state',
    'create trigger body_state_summary_update after update of state_id on body_state for each row when (old.state_id <> new.state_id) execute function governance_body_state_summary()',
  ];
}

/** Undoes postgresTriggers (the migration's down). */
export function dropPostgresTriggers(): string[] {
  return [
    ...dropPostgresFactTriggers('governance', SOURCES),
    'drop trigger if exists body_state_summary_insert on body_state',
    'drop trigger if exists body_state_summary_update on body_state',
    'drop function if exists governance_body_state_summary()',
  ];
}
