import { defineEntity, p, type MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFrom } from './actor.js';
import { recordChange, trackedUpdate, type AuditChange } from './audit-changes.js';
import { AuditEntry } from './audit-entry.js';
import { initOrm } from './database.js';
import { IdempotencyRecord } from './idempotency-record.js';
import { testDatabases } from './testing/databases.js';
import { performWrite, type WriteContext } from './write-gate.js';

const Crop = defineEntity({
  name: 'Crop',
  tableName: 'gate_crop',
  properties: {
    id: p.integer().primary(),
    name: p.string().length(50),
    tonnes: p.bigint(),
    note: p.string().length(100).nullable(),
  },
});

const allow = () => {};

describe.each(await testDatabases())('write gate records what each write changed, on $kind', (database) => {
  let orm: MikroORM;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    orm = await initOrm({ databaseUrl: db.url, entities: [Crop, AuditEntry, IdempotencyRecord] });
    await orm.schema.update();
  });
  afterAll(async () => {
    await orm?.close(true);
    await drop?.();
  });

  const context = (): WriteContext => ({
    em: orm.em.fork() as SqlEntityManager,
    actor: actorFrom('tester', [{ role: 'ADMIN', bodies: ['*'] }]),
    requestId: 'req',
    resetLoaders() {},
  });
  const write = <T>(action: string, work: (em: SqlEntityManager) => Promise<T>) => performWrite(context(), allow, { action, bodies: ['commune:1'] }, work);
  async function lastChanges(action: string): Promise<AuditChange[]> {
    const entries = await orm.em.fork().find(AuditEntry, { action }, { orderBy: { id: 'desc' }, limit: 1 });
    expect(entries).toHaveLength(1);
    return entries[0]!.changes!;
  }
  const count = async (entity: typeof Crop | typeof AuditEntry) => orm.em.fork().count(entity as never);

  let id: number;
  it('captures a creation with every column, generated id included', async () => {
    id = await write('plant', async (em) => {
      const crop = em.create(Crop, { name: 'maize', tonnes: 12n, note: null });
      await em.flush();
      return crop.id;
    });
    expect(await lastChanges('plant')).toEqual([{ entity: 'Crop', id: String(id), op: 'CREATE', before: null, after: { id, name: 'maize', tonnes: '12', note: null } }]);
  });

  it('captures an update with old and new values of the changed fields only, even when the work does not flush', async () => {
    await write('harvest', async (em) => {
      const crop = await em.findOneOrFail(Crop, id);
      crop.tonnes = 30n;
      crop.note = 'good year';
    });
    expect(await lastChanges('harvest')).toEqual([{ entity: 'Crop', id: String(id), op: 'UPDATE', before: { tonnes: '12', note: null }, after: { tonnes: '30', note: 'good year' } }]);
  });

  it('captures a raw update through trackedUpdate, and merges a row changed twice into one change', async () => {
    await write('correct', async (em) => {
      await trackedUpdate(em, Crop, [id], () => em.execute('update gate_crop set note = ? where id = ?', ['corrected', id]));
      await trackedUpdate(em, Crop, [id], () => em.execute('update gate_crop set note = ? where id = ?', ['corrected twice', id]));
    });
    expect(await lastChanges('correct')).toEqual([{ entity: 'Crop', id: String(id), op: 'UPDATE', before: { note: 'good year' }, after: { note: 'corrected twice' } }]);
  });

  it('folds an update of a row created in the same write into its creation', async () => {
    const other = await write('plant-and-name', async (em) => {
      const crop = em.create(Crop, { name: 'pending', tonnes: 1n, note: null });
      await em.flush();
      crop.name = `bean-${crop.id}`;
      await em.flush();
      return crop.id;
    });
    expect(await lastChanges('plant-and-name')).toEqual([{ entity: 'Crop', id: String(other), op: 'CREATE', before: null, after: { id: other, name: `bean-${other}`, tonnes: '1', note: null } }]);
  });

  it('captures a deletion with the row as it was', async () => {
    await write('clear', async (em) => {
      em.remove(await em.findOneOrFail(Crop, id));
    });
    expect(await lastChanges('clear')).toEqual([{ entity: 'Crop', id: String(id), op: 'DELETE', before: { id, name: 'maize', tonnes: '30', note: 'corrected twice' }, after: null }]);
  });

  it('records a change reported by hand, and an empty list for a write that changed nothing', async () => {
    await write('noop', async () => null);
    expect(await lastChanges('noop')).toEqual([]);
    await write('manual', async () => recordChange({ entity: 'Elsewhere', id: '7', op: 'UPDATE', before: { n: 1n }, after: { n: 2n } }));
    expect(await lastChanges('manual')).toEqual([{ entity: 'Elsewhere', id: '7', op: 'UPDATE', before: { n: '1' }, after: { n: '2' } }]);
  });

  it('a failed write leaves neither its rows nor an audit entry', async () => {
    const [crops, entries] = [await count(Crop), await count(AuditEntry)];
    await expect(
      write('fail', async (em) => {
        em.create(Crop, { name: 'doomed', tonnes: 1n, note: null });
        await em.flush();
        throw new Error('validation failed after a flush');
      }),
    ).rejects.toThrow('validation failed');
    expect([await count(Crop), await count(AuditEntry)]).toEqual([crops, entries]);
  });

  it('refuses raw change reporting outside the write gate', async () => {
    const em = orm.em.fork() as SqlEntityManager;
    expect(() => recordChange({ entity: 'Crop', id: '1', op: 'DELETE', before: {}, after: null })).toThrow(/outside performWrite/);
    await expect(trackedUpdate(em, Crop, [1], async () => null)).rejects.toThrow(/outside performWrite/);
  });
});
