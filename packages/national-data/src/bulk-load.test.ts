import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bulkLoadOf } from './bulk-load.js';
import { nationalDataset, SUBGRAPHS } from './dataset.js';
import { prepareSchema } from './schema.js';
import { writeSqlite } from './writer.js';

/**
 * A subgraph's bulk load (triggers off, one rebuild per summary table, triggers back) must leave exactly the
 * database that loading row by row through its triggers leaves.
 */
const dataset = nationalDataset('bulk-load-test', 0.003);
const dir = mkdtempSync(join(tmpdir(), 'comuna-bulk-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dump(file: string): Record<string, string[]> {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> 'mikro_orm_migrations' order by name").all() as { name: string }[];
    const triggers = (db.prepare("select name from sqlite_master where type = 'trigger' order by name").all() as { name: string }[]).map((t) => t.name);
    return {
      triggers,
      ...Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`select * from "${name}"`).all() as object[]).map((row) => JSON.stringify(row)).sort()])),
    };
  } finally {
    db.close();
  }
}

describe('bulk loads', () => {
  it.each(SUBGRAPHS)('%s: a bulk load leaves the same database as row-by-row triggers', async (name) => {
    const bulk = await bulkLoadOf(name, 'sqlite');
    if (!bulk) return;
    const [byRow, byBulk] = [join(dir, `${name}-rows.sqlite`), join(dir, `${name}-bulk.sqlite`)];
    for (const file of [byRow, byBulk]) await prepareSchema(name, `sqlite:${file}`);
    writeSqlite(byRow, name, dataset.tables[name], () => undefined);
    writeSqlite(byBulk, name, dataset.tables[name], () => undefined, bulk);
    const [rows, bulked] = [dump(byRow), dump(byBulk)];
    expect(bulked.triggers!.length).toBeGreaterThan(0);
    expect(bulked).toEqual(rows);
  }, 120_000);
});
