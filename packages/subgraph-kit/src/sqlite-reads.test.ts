import { defineEntity, p } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOrm, prepareSchema, type Orm } from './database.js';

const Row = defineEntity({ name: 'Row', tableName: 'row', properties: { id: p.integer().primary(), label: p.string().length(20), amount: p.bigint() } });

describe('SQLite reads with bound values', () => {
  let orm: Orm;
  const statements: string[] = [];
  const done: string[] = [];
  const dialect = () => (orm.config.get('driverOptions') as unknown as { kept: number });
  const em = () => orm.em.fork() as SqlEntityManager;
  beforeAll(async () => {
    orm = await initOrm({ databaseUrl: 'sqlite::memory:', entities: [Row], onStatement: (sql) => statements.push(sql), onStatementDone: (sql) => done.push(sql) });
    await prepareSchema(orm, 'sqlite');
    for (let i = 1; i <= 5; i++) await em().execute('insert into row (id, label, amount) values (?, ?, ?)', [i, String(i), i * 10]);
  });
  afterAll(() => orm?.close(true));

  it('prepares a read once and runs it again with other values, counted and logged every time', async () => {
    const kept = dialect().kept;
    statements.length = 0;
    done.length = 0;
    const sql = 'select id, label from row where id between ? and ? order by id';
    expect(await em().execute(sql, [2, 3])).toEqual([{ id: 2, label: '2' }, { id: 3, label: '3' }]);
    expect(await em().execute(sql, [4, 9])).toEqual([{ id: 4, label: '4' }, { id: 5, label: '5' }]);
    expect(dialect().kept).toBe(kept + 1);
    expect(statements).toEqual([sql, sql]);
    expect(done).toEqual([sql, sql]);
  });

  it("tells MikroORM's statement hook as configured at the time, as MikroORM's own path does", async () => {
    const hook = orm.config.get('onQuery');
    const seen: unknown[][] = [];
    orm.config.set('onQuery', (sql: string, params: readonly unknown[]) => {
      seen.push([sql, [...params]]);
      return hook(sql, params);
    });
    try {
      await em().execute('select id from row where id = ?', [1]);
      expect(seen).toEqual([['select id from row where id = ?', [1]]]);
    } finally {
      orm.config.set('onQuery', hook);
    }
  });

  it('compares an integer with a TEXT column as the value written inline would (an INTEGER, not a REAL)', async () => {
    // `label = 3` inline matches the text '3'; a REAL 3.0 would be compared as the text '3.0' and match nothing.
    expect(await em().execute('select id from row where label = ?', [3])).toEqual([{ id: 3 }]);
    expect(await em().execute('select id from row where label = 3', [])).toEqual([{ id: 3 }]);
  });

  it("leaves writes, a transaction's reads and values it cannot bind exactly to MikroORM", async () => {
    const kept = dialect().kept;
    await em().execute('update row set amount = amount + ? where id = ?', [1, 1]);
    await em().execute('select id from row where id = ? and ? = 1', [1, true]);
    await em().transactional(async (tx) => {
      await tx.execute('update row set label = ? where id = ?', ['changed', 2]);
      // Inside the transaction its own write is seen.
      expect(await tx.execute('select label from row where id = ?', [2])).toEqual([{ label: 'changed' }]);
    });
    expect(dialect().kept).toBe(kept);
    expect(await em().execute('select label, amount from row where id in (?, ?) order by id', [1, 2])).toEqual([
      { label: '1', amount: 11 },
      { label: 'changed', amount: 20 },
    ]);
  });
});
