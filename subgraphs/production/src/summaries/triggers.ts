import { bodyDelta, reportDelta, unitDelta, unitReportsDelta } from './contributions.js';

const block = (statements: string[]) => statements.map((s) => `${s};`).join('\n');
const UNIT_FIGURES = ['status', 'type', 'workers', 'founded_on', 'owner_id'];
const changed = (columns: string[]) => columns.map((c) => `old.${c} is distinct from new.${c}`).join(' or ');
// SQLite spells IS DISTINCT FROM as IS NOT.
const sqliteChanged = (columns: string[]) => columns.map((c) => `old.${c} is not new.${c}`).join(' or ');

/** SQLite: after-row triggers on the fact tables and on body_state, each in the writing statement's transaction. Idempotent. */
export function sqliteTriggers(): string[] {
  const trigger = (name: string, event: string, when: string | null, statements: string[]) =>
    `create trigger if not exists ${name} after ${event} for each row ${when ? `when ${when} ` : ''}begin\n${block(statements)}\nend`;
  return [
    trigger('production_report_summary_insert', 'insert on production_report', null, reportDelta('new', 1)),
    trigger('production_report_summary_delete', 'delete on production_report', null, reportDelta('old', -1)),
    trigger('production_report_summary_update', 'update on production_report', sqliteChanged(['quantity', 'unit_id', 'product_id', 'month']), [...reportDelta('old', -1), ...reportDelta('new', 1)]),
    trigger('production_unit_summary_insert', 'insert on production_unit', null, [unitDelta('new', 1)]),
    trigger('production_unit_summary_delete', 'delete on production_unit', null, [unitDelta('old', -1)]),
    trigger('production_unit_summary_update', 'update on production_unit', sqliteChanged(UNIT_FIGURES), [unitDelta('old', -1), unitDelta('new', 1)]),
    trigger('production_unit_summary_rekey', 'update on production_unit', sqliteChanged(['owner_id', 'type']), [...unitReportsDelta('old', -1), ...unitReportsDelta('new', 1)]),
    trigger('body_state_summary_insert', 'insert on body_state', null, [...bodyDelta('new.body_id', "''", -1), ...bodyDelta('new.body_id', 'new.state_id', 1)]),
    trigger('body_state_summary_update', 'update on body_state', sqliteChanged(['state_id', 'body_id']), [...bodyDelta('old.body_id', 'old.state_id', -1), ...bodyDelta('new.body_id', 'new.state_id', 1)]),
    trigger('body_state_summary_delete', 'delete on body_state', null, [...bodyDelta('old.body_id', 'old.state_id', -1), ...bodyDelta('old.body_id', "''", 1)]),
  ];
}

/** Names of the SQLite triggers, so a bulk load can drop them and let the next start recreate them. */
export const SQLITE_TRIGGER_NAMES = sqliteTriggers().map((sql) => /create trigger if not exists (\w+)/.exec(sql)![1]!);

/** PostgreSQL: one plpgsql function and one row trigger per table. */
export function postgresTriggers(): string[] {
  const fn = (name: string, body: string) => `create or replace function ${name}() returns trigger language plpgsql as $$\nbegin\n${body}\nreturn null;\nend $$`;
  return [
    fn(
      'production_report_summary',
      `if tg_op = 'UPDATE' and not (${changed(['quantity', 'unit_id', 'product_id', 'month'])}) then return null; end if;
       if tg_op <> 'INSERT' then\n${block(reportDelta('old', -1))}\nend if;
       if tg_op <> 'DELETE' then\n${block(reportDelta('new', 1))}\nend if;`,
    ),
    'drop trigger if exists production_report_summary on production_report',
    'create trigger production_report_summary after insert or update or delete on production_report for each row execute function production_report_summary()',
    fn(
      'production_unit_summary',
      `if tg_op = 'UPDATE' and not (${changed(UNIT_FIGURES)}) then return null; end if;
       if tg_op <> 'INSERT' then\n${block([unitDelta('old', -1)])}\nend if;
       if tg_op <> 'DELETE' then\n${block([unitDelta('new', 1)])}\nend if;
       if tg_op = 'UPDATE' and (${changed(['owner_id', 'type'])}) then\n${block([...unitReportsDelta('old', -1), ...unitReportsDelta('new', 1)])}\nend if;`,
    ),
    'drop trigger if exists production_unit_summary on production_unit',
    'create trigger production_unit_summary after insert or update or delete on production_unit for each row execute function production_unit_summary()',
    fn(
      'body_state_summary',
      `if tg_op = 'UPDATE' and not (${changed(['state_id', 'body_id'])}) then return null; end if;
       if tg_op = 'INSERT' then\n${block(bodyDelta('new.body_id', "''", -1))}\nelse\n${block(bodyDelta('old.body_id', 'old.state_id', -1))}\nend if;
       if tg_op = 'DELETE' then\n${block(bodyDelta('old.body_id', "''", 1))}\nelse\n${block(bodyDelta('new.body_id', 'new.state_id', 1))}\nend if;`,
    ),
    'drop trigger if exists body_state_summary on body_state',
    'create trigger body_state_summary after insert or update or delete on body_state for each row execute function body_state_summary()',
  ];
}

/** Undoes postgresTriggers (a migration's down). */
export function dropPostgresTriggers(): string[] {
  return ['production_report', 'production_unit', 'body_state'].flatMap((table) => [`drop trigger if exists ${table}_summary on ${table}`, `drop function if exists ${table}_summary()`]);
}
