import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuditEntry, IdempotencyRecord, initOrm, type Orm } from '@comuna/subgraph-kit';
import { testDatabases } from '@comuna/subgraph-kit/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

// Migrations exist for PostgreSQL only (SQLite regenerates its schema), so this file runs where PostgreSQL does.
const postgres = (await testDatabases()).find((d) => d.kind === 'postgresql');
const subgraphs = ['territory', 'governance', 'production', 'budget'];
const compiled = (name: string) => fileURLToPath(new URL(`../subgraphs/${name}/dist/migrations`, import.meta.url));

/** Every column of every table in the public schema except the migrator's own ledger, in a stable order. */
async function schemaOf(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select table_name, column_name, data_type, is_nullable, coalesce(column_default, '') as column_default
         from information_schema.columns
        where table_schema = 'public' and table_name <> 'mikro_orm_migrations'
        order by table_name, column_name`,
    );
    return rows.map((r) => `${r.table_name}.${r.column_name} ${r.data_type} ${r.is_nullable} ${r.column_default}`);
  } finally {
    await client.end();
  }
}

async function ledger(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query(`select to_regclass('public.mikro_orm_migrations') as t`);
    if (!exists.rows[0].t) return [];
    return (await client.query('select name from mikro_orm_migrations order by id')).rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

async function withOrm<T>(url: string, migrationsPath: string, work: (orm: Orm) => Promise<T>): Promise<T> {
  const orm = await initOrm({ databaseUrl: url, entities: [AuditEntry, IdempotencyRecord], migrationsPath });
  try {
    return await work(orm);
  } finally {
    await orm.close(true);
  }
}

describe.skipIf(!postgres)('migrations on PostgreSQL', () => {
  const drops: (() => Promise<void>)[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'comuna-migrations-'));
  afterAll(async () => {
    for (const drop of drops) await drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it.each(subgraphs)('%s: up, down to nothing, up again gives the same schema', async (name) => {
    const db = await postgres!.create();
    drops.push(db.drop);
    const applied = await withOrm(db.url, compiled(name), (orm) => orm.migrator.up());
    expect(applied.length).toBeGreaterThan(0);
    const upSchema = await schemaOf(db.url);
    expect(upSchema.length).toBeGreaterThan(0);
    expect(await ledger(db.url)).toHaveLength(applied.length);

    const reverted = await withOrm(db.url, compiled(name), (orm) => orm.migrator.down({ to: 0 }));
    expect(reverted).toHaveLength(applied.length);
    expect(await schemaOf(db.url)).toEqual([]);
    expect(await ledger(db.url)).toEqual([]);

    await withOrm(db.url, compiled(name), (orm) => orm.migrator.up());
    expect(await schemaOf(db.url)).toEqual(upSchema);
  });

  it('a failing migration leaves the schema and the ledger as they were (all-or-nothing)', async () => {
    const db = await postgres!.create();
    drops.push(db.drop);
    // Start from territory's real schema, so "unchanged" is about a populated database, not an empty one.
    await withOrm(db.url, compiled('territory'), (orm) => orm.migrator.up());
    const before = await schemaOf(db.url);
    const ledgerBefore = await ledger(db.url);

    // Territory's compiled migrations plus two more: one good, one whose second statement fails.
    const folder = mkdtempSync(join(scratch, 'failing-'));
    const migrationsModule = import.meta.resolve('@mikro-orm/migrations');
    for (const file of readdirSync(compiled('territory')).filter((f) => f.endsWith('.js'))) {
      copyFileSync(join(compiled('territory'), file), join(folder, file));
    }
    const migration = (className: string, statements: string[]) =>
      `import { Migration } from ${JSON.stringify(migrationsModule)};\n` +
      `export class ${className} extends Migration {\n` +
      `  up() { ${statements.map((s) => `this.addSql(${JSON.stringify(s)});`).join(' ')} }\n` +
      `  down() {}\n}\n`;
    writeFileSync(join(folder, 'Migration29990101000000_good.js'), migration('Migration29990101000000_good', ['create table "drill_good" ("id" int primary key);', 'alter table "commune" add column "drill" int;']));
    writeFileSync(join(folder, 'Migration29990101000001_bad.js'), migration('Migration29990101000001_bad', ['create table "drill_bad" ("id" int primary key);', 'alter table "no_such_table" add column "x" int;']));

    await expect(withOrm(db.url, folder, (orm) => orm.migrator.up())).rejects.toThrow(/no_such_table/);
    expect(await schemaOf(db.url)).toEqual(before);
    expect(await ledger(db.url)).toEqual(ledgerBefore);
  });
});
