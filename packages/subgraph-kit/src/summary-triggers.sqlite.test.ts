import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineEntity, p } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, describe, expect, it } from 'vitest';
import { initOrm, prepareSchema } from './database.js';
import { replaceSqliteTriggers, sqliteFactTriggers } from './summary-triggers.js';

const Fact = defineEntity({ name: 'Fact', tableName: 'fact', properties: { id: p.integer().primary(), amount: p.integer() } });
const Total = defineEntity({ name: 'Total', tableName: 'total', properties: { id: p.integer().primary(), sum: p.integer() } });
const dir = mkdtempSync(join(tmpdir(), 'comuna-triggers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The triggers of one version of the code: each fact adds `factor` times its amount to the total. */
const version = (factor: number) =>
  sqliteFactTriggers([{ table: 'fact', addNew: [`update total set sum = sum + ${factor} * new.amount where id = 1`], removeOld: [`update total set sum = sum - ${factor} * old.amount where id = 1`] }]);

describe('SQLite summary triggers on start', () => {
  it('replace the triggers an older version installed instead of skipping them', async () => {
    const orm = await initOrm({ databaseUrl: `sqlite:${join(dir, 'triggers.sqlite')}`, entities: [Fact, Total] });
    try {
      await prepareSchema(orm, 'sqlite');
      const em = orm.em.fork() as SqlEntityManager;
      await em.execute('insert into total (id, sum) values (1, 0)');
      const total = async () => Number((await em.execute('select sum from total where id = 1'))[0]!.sum);
      await replaceSqliteTriggers(em, version(1));
      await em.execute('insert into fact (id, amount) values (1, 5)');
      expect(await total()).toBe(5);
      // A plain `create trigger if not exists` of the new version would keep the old trigger.
      await replaceSqliteTriggers(em, version(10));
      await em.execute('insert into fact (id, amount) values (2, 5)');
      expect(await total()).toBe(55);
      const triggers = await em.execute("select count(*) as n from sqlite_master where type = 'trigger'");
      expect(Number(triggers[0]!.n)).toBe(3);
    } finally {
      await orm.close(true);
    }
  });
});
