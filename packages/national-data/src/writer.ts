import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import type { BulkLoad } from './bulk-load.js';
import type { Table } from './table.js';

export type Progress = (table: string, written: number) => void;

/** Rows per INSERT: SQLite allows 32,766 parameters a statement, PostgreSQL 65,535. */
const batchSize = (columns: number, limit: number) => Math.max(1, Math.min(500, Math.floor(limit / columns)));

function* batches(rows: Iterable<unknown[]>, size: number): Generator<unknown[][]> {
  let batch: unknown[][] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

const insertSql = (table: Table, rows: number, placeholder: (i: number) => string) => {
  let p = 0;
  const tuple = () => `(${table.columns.map(() => placeholder(++p)).join(', ')})`;
  return `insert into "${table.name}" (${table.columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows }, tuple).join(', ')}`;
};

/** Fails unless every table is empty: the generator fills fresh databases, it never merges. */
function refuseFilled(name: string, counts: [string, number][]) {
  const filled = counts.filter(([, n]) => n > 0);
  if (filled.length) throw new Error(`${name} database already holds data (${filled.map(([t, n]) => `${t}: ${n}`).join(', ')}); give the generator an empty database`);
}

/**
 * Writes the tables into a SQLite file whose schema the subgraph created, in one transaction with the subgraph's
 * bulk-load statements around the inserts, then ANALYZE.
 */
export function writeSqlite(file: string, name: string, tables: Table[], progress: Progress, bulk?: BulkLoad): void {
  const db = new DatabaseSync(file);
  try {
    refuseFilled(name, tables.map((t) => [t.name, Number((db.prepare(`select count(*) as n from "${t.name}"`).get() as { n: number }).n)]));
    // Nothing else reads the file during a load; a crash leaves a file to delete, not one to repair.
    db.exec('pragma journal_mode = wal; pragma synchronous = off; pragma cache_size = -200000');
    db.exec('begin');
    for (const statement of bulk?.before ?? []) db.exec(statement);
    for (const table of tables) {
      const size = batchSize(table.columns.length, 32_000);
      const full = db.prepare(insertSql(table, size, () => '?'));
      let written = 0;
      for (const batch of batches(table.rows(), size)) {
        const statement = batch.length === size ? full : db.prepare(insertSql(table, batch.length, () => '?'));
        statement.run(...(batch.flat().map(sqliteValue) as never[]));
        written += batch.length;
        progress(table.name, written);
      }
    }
    for (const statement of bulk?.after ?? []) db.exec(statement);
    db.exec('commit');
    db.exec('pragma synchronous = normal');
    // Statistics for the query planner (the kit keeps sqlite_stat1 out of the schema diff); a sampled ANALYZE
    // takes seconds on millions of rows instead of minutes.
    db.exec('pragma analysis_limit = 2000; analyze');
  } finally {
    db.close();
  }
}

const sqliteValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v);
const pgValue = (v: unknown) => (typeof v === 'bigint' ? v.toString() : v === undefined ? null : v);

/**
 * Writes the tables into a PostgreSQL database migrated by the subgraph, in one transaction with the subgraph's
 * bulk-load statements around the inserts; moves sequences past the ids.
 */
export async function writePostgres(url: string, name: string, tables: Table[], progress: Progress, bulk?: BulkLoad): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: [string, number][] = [];
    for (const t of tables) counts.push([t.name, Number((await client.query(`select count(*) as n from "${t.name}"`)).rows[0].n)]);
    refuseFilled(name, counts);
    await client.query('begin');
    for (const statement of bulk?.before ?? []) await client.query(statement);
    for (const table of tables) {
      const size = batchSize(table.columns.length, 60_000);
      const full = insertSql(table, size, (i) => `$${i}`);
      let written = 0;
      for (const batch of batches(table.rows(), size)) {
        await client.query(batch.length === size ? full : insertSql(table, batch.length, (i) => `$${i}`), batch.flat().map(pgValue));
        written += batch.length;
        progress(table.name, written);
      }
      if (table.columns[0] === 'id' && table.name !== 'known_body') {
        await client.query(`select setval(pg_get_serial_sequence('"${table.name}"', 'id'), greatest(1, (select coalesce(max(id), 0) from "${table.name}")))`);
      }
    }
    for (const statement of bulk?.after ?? []) await client.query(statement);
    await client.query('commit');
    await client.query('analyze');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
