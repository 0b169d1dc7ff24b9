import { bodyDelta, CONTRIBUTIONS, rowDelta, SOURCES } from './contributions.js';

const of = (source: string) => CONTRIBUTIONS.filter((c) => c.source === source);
const block = (statements: string[]) => statements.map((s) => `${s};`).join('\n');

/**
 * SQLite: after-row triggers on each fact table (insert adds the row, delete removes it, update does both), and
 * on body_state: a body mapped for the first time takes its facts out of the unknown state (''), a body whose
 * state changes moves them to the new one. Idempotent.
 */
export function sqliteTriggers(): string[] {
  const removeOld = (source: string) => of(source).map((c) => rowDelta(c, 'old', -1, 'sqlite'));
  const addNew = (source: string) => of(source).map((c) => rowDelta(c, 'new', 1, 'sqlite'));
  const move = (from: string) => CONTRIBUTIONS.flatMap((c) => [bodyDelta(c, 'new.body_id', from, -1, 'sqlite'), bodyDelta(c, 'new.body_id', 'new.state_id', 1, 'sqlite')]);
  return [
    ...SOURCES.flatMap((source) => [
      `create trigger if not exists ${source}_summary_insert after insert on ${source} begin\n${block(addNew(source))}\nend`,
      `create trigger if not exists ${source}_summary_delete after delete on ${source} begin\n${block(removeOld(source))}\nend`,
      `create trigger if not exists ${source}_summary_update after update on ${source} begin\n${block([...removeOld(source), ...addNew(source)])}\nend`,
    ]),
    `create trigger if not exists body_state_summary_insert after insert on body_state begin\n${block(move("''"))}\nend`,
    `create trigger if not exists body_state_summary_update after update of state_id on body_state when old.state_id <> new.state_id begin\n${block(move('old.state_id'))}\nend`,
  ];
}

export function sqliteTriggerNames(): string[] {
  return [...SOURCES.flatMap((s) => [`${s}_summary_insert`, `${s}_summary_delete`, `${s}_summary_update`]), 'body_state_summary_insert', 'body_state_summary_update'];
}

/** PostgreSQL: one plpgsql function and one row trigger per fact table, and the moves on body_state. */
export function postgresTriggers(): string[] {
  const removeOld = (source: string) => of(source).map((c) => rowDelta(c, 'old', -1, 'postgresql'));
  const addNew = (source: string) => of(source).map((c) => rowDelta(c, 'new', 1, 'postgresql'));
  const move = (from: string) => CONTRIBUTIONS.flatMap((c) => [bodyDelta(c, 'new.body_id', from, -1, 'postgresql'), bodyDelta(c, 'new.body_id', 'new.state_id', 1, 'postgresql')]);
  return [
    ...SOURCES.flatMap((source) => [
      `create or replace function governance_${source}_summary() returns trigger language plpgsql as $$
       begin
         if tg_op <> 'INSERT' then\n${block(removeOld(source))}\nend if;
         if tg_op <> 'DELETE' then\n${block(addNew(source))}\nend if;
         return null;
       end $$`,
      `drop trigger if exists ${source}_summary on ${source}`,
      `create trigger ${source}_summary after insert or update or delete on ${source} for each row execute function governance_${source}_summary()`,
    ]),
    `create or replace function governance_body_state_summary() returns trigger language plpgsql as $$
     begin
       if tg_op = 'INSERT' then\n${block(move("''"))}\nelse\n${block(move('old.state_id'))}\nend if;
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
    ...SOURCES.flatMap((source) => [`drop trigger if exists ${source}_summary on ${source}`, `drop function if exists governance_${source}_summary()`]),
    'drop trigger if exists body_state_summary_insert on body_state',
    'drop trigger if exists body_state_summary_update on body_state',
    'drop function if exists governance_body_state_summary()',
  ];
}
