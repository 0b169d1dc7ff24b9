import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineEntity, p } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, describe, expect, it } from 'vitest';
import { initOrm, prepareSchema } from './database.js';

const Thing = defineEntity({ name: 'Thing', tableName: 'thing', properties: { id: p.integer().primary(), kind: p.string().length(20).index() } });
const dir = mkdtempSync(join(tmpdir(), 'comuna-statistics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite statistics', () => {
  it('keeps ANALYZE statistics across restarts: sqlite_stat1 stays out of the schema diff', async () => {
    const url = `sqlite:${join(dir, 'stats.sqlite')}`;
    const first = await initOrm({ databaseUrl: url, entities: [Thing] });
    await prepareSchema(first, 'sqlite');
    const em = first.em.fork() as SqlEntityManager;
    for (let i = 0; i < 50; i++) await em.execute('insert into thing (kind) values (?)', [i % 2 ? 'a' : 'b']);
    await em.execute('analyze');
    await first.close(true);

    const second = await initOrm({ databaseUrl: url, entities: [Thing] });
    try {
      await prepareSchema(second, 'sqlite');
      const stats = await (second.em.fork() as SqlEntityManager).execute("select count(*) as n from sqlite_stat1 where tbl = 'thing'");
      expect(Number(stats[0]!.n)).toBeGreaterThan(0);
    } finally {
      await second.close(true);
    }
  });
});
