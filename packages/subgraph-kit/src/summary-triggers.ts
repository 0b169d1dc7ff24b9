import type { SqlEntityManager } from '@mikro-orm/sql';

/**
 * Row triggers that keep a subgraph's summary tables current in the writing statement's transaction: for each fact
 * table, what removing its old row and adding its new row does to the summaries (statements written by the
 * subgraph, which knows its figures). Insert adds, delete removes, update does both. The generated text is frozen
 * in the subgraphs' migrations, so it must not change shape silently.
 */
export interface FactTable {
  table: string;
  removeOld: string[];
  addNew: string[];
}

/** Statements as the body of a trigger or an `if` branch. */
export const statementBlock = (statements: string[]) => statements.map((s) => `${s};`).join('\n');

/** SQLite: after-row insert, delete and update triggers per fact table. Idempotent. */
export function sqliteFactTriggers(facts: FactTable[]): string[] {
  return facts.flatMap(({ table, removeOld, addNew }) => [
    `create trigger if not exists ${table}_summary_insert after insert on ${table} begin\n${statementBlock(addNew)}\nend`,
    `create trigger if not exists ${table}_summary_delete after delete on ${table} begin\n${statementBlock(removeOld)}\nend`,
    `create trigger if not exists ${table}_summary_update after update on ${table} begin\n${statementBlock([...removeOld, ...addNew])}\nend`,
  ]);
}

/** Names of sqliteFactTriggers' triggers, so a bulk load can drop them and recreate them after a rebuild. */
export const sqliteFactTriggerNames = (tables: readonly string[]) => tables.flatMap((t) => [`${t}_summary_insert`, `${t}_summary_delete`, `${t}_summary_update`]);

/** PostgreSQL: one plpgsql function (`<prefix>_<table>_summary`) and one row trigger per fact table. */
export function postgresFactTriggers(prefix: string, facts: FactTable[]): string[] {
  return facts.flatMap(({ table, removeOld, addNew }) => [
    `create or replace function ${prefix}_${table}_summary() returns trigger language plpgsql as $$
       begin
         if tg_op <> 'INSERT' then\n${statementBlock(removeOld)}\nend if;
         if tg_op <> 'DELETE' then\n${statementBlock(addNew)}\nend if;
         return null;
       end $$`,
    `drop trigger if exists ${table}_summary on ${table}`,
    `create trigger ${table}_summary after insert or update or delete on ${table} for each row execute function ${prefix}_${table}_summary()`,
  ]);
}

/** Undoes postgresFactTriggers (a migration's down). */
export const dropPostgresFactTriggers = (prefix: string, tables: readonly string[]) =>
  tables.flatMap((table) => [`drop trigger if exists ${table}_summary on ${table}`, `drop function if exists ${prefix}_${table}_summary()`]);

/**
 * Installs SQLite triggers on start, each `create trigger if not exists <name>` preceded by a drop of that name, in
 * one transaction: a trigger changed by a newer version replaces the old one instead of being skipped (and a
 * failed start leaves the old ones).
 */
export async function replaceSqliteTriggers(em: SqlEntityManager, statements: readonly string[]): Promise<void> {
  await em.transactional(async (tx) => {
    for (const sql of statements) {
      const name = /create trigger if not exists (\w+)/i.exec(sql)?.[1];
      if (name) await tx.execute(`drop trigger if exists ${name}`);
      await tx.execute(sql);
    }
  });
}
