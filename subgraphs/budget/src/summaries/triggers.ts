import { bodyDelta, CONTRIBUTIONS, rowDelta, SOURCES } from './contributions.js';

const of = (source: string) => CONTRIBUTIONS.filter((c) => c.source === source);
const removeOld = (source: string) => of(source).map((c) => rowDelta(c, 'old', -1));
const addNew = (source: string) => of(source).map((c) => rowDelta(c, 'new', 1));
const rekey = () => CONTRIBUTIONS.flatMap((c) => [bodyDelta(c, 'old.id', 'old.state_id', -1), bodyDelta(c, 'new.id', 'new.state_id', 1)]);
const block = (statements: string[]) => statements.map((s) => `${s};`).join('\n');

/**
 * SQLite: after-row triggers on each fact table (insert adds the row, delete removes it, update does both), and on
 * known_body when a body changes state (its facts move to the new state's summaries). Idempotent.
 */
export function sqliteTriggers(): string[] {
  return [
    ...SOURCES.flatMap((source) => [
      `create trigger if not exists ${source}_summary_insert after insert on ${source} begin\n${block(addNew(source))}\nend`,
      `create trigger if not exists ${source}_summary_delete after delete on ${source} begin\n${block(removeOld(source))}\nend`,
      `create trigger if not exists ${source}_summary_update after update on ${source} begin\n${block([...removeOld(source), ...addNew(source)])}\nend`,
    ]),
    `create trigger if not exists known_body_summary_rekey after update of state_id on known_body
       when coalesce(old.state_id, '') <> coalesce(new.state_id, '') begin\n${block(rekey())}\nend`,
  ];
}

/** Names of the SQLite triggers, so a bulk load can drop them and recreate them after a rebuild. */
export function sqliteTriggerNames(): string[] {
  return [...SOURCES.flatMap((s) => [`${s}_summary_insert`, `${s}_summary_delete`, `${s}_summary_update`]), 'known_body_summary_rekey'];
}

/** PostgreSQL: one plpgsql function and one row trigger per fact table, and the re-keying on known_body. */
export function postgresTriggers(): string[] {
  return [
    ...SOURCES.flatMap((source) => [
      `create or replace function budget_${source}_summary() returns trigger language plpgsql as $$
       begin
         if tg_op <> 'INSERT' then\n${block(removeOld(source))}\nend if;
         if tg_op <> 'DELETE' then\n${block(addNew(source))}\nend if;
         return null;
       end $$`,
      `drop trigger if exists ${source}_summary on ${source}`,
      `create trigger ${source}_summary after insert or update or delete on ${source} for each row execute function budget_${source}_summary()`,
    ]),
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
  return [
    ...SOURCES.flatMap((source) => [`drop trigger if exists ${source}_summary on ${source}`, `drop function if exists budget_${source}_summary()`]),
    'drop trigger if exists known_body_summary_rekey on known_body',
    'drop function if exists budget_known_body_summary_rekey()',
  ];
}
