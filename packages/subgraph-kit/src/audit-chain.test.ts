import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFrom } from './actor.js';
import { canonicalJson, entryHash, verifyAuditChain } from './audit-chain.js';
import { AuditEntry } from './audit-entry.js';
import { initOrm } from './database.js';
import { IdempotencyRecord } from './idempotency-record.js';
import { testDatabases } from './testing/databases.js';
import { performWrite, type WriteContext } from './write-gate.js';

describe('canonical JSON', () => {
  it('sorts keys at every level and keeps array order, so storage cannot change a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    const fields = { at: 't', subject: 's', roles: [], action: 'x', body: null, bodies: [], requestId: 'r', input: { b: 1, a: 2 }, result: null, changes: [] };
    expect(entryHash(null, fields)).toBe(entryHash(null, { ...fields, input: { a: 2, b: 1 } }));
    expect(entryHash(null, fields)).not.toBe(entryHash('0'.repeat(64), fields));
  });
});

describe.each(await testDatabases())('per-body hash chain of the audit trail on $kind', (database) => {
  let orm: MikroORM;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    orm = await initOrm({ databaseUrl: db.url, entities: [AuditEntry, IdempotencyRecord] });
    await orm.schema.update();
  });
  afterAll(async () => {
    await orm?.close(true);
    await drop?.();
  });

  const em = () => orm.em.fork() as SqlEntityManager;
  const write = (body: string, n: number) => {
    const ctx: WriteContext = { em: em(), actor: actorFrom('tester', [{ role: 'ADMIN', bodies: ['*'] }]), requestId: `req-${n}`, resetLoaders() {} };
    return performWrite(ctx, () => {}, { action: 'note', bodies: [body], input: { n, text: 'ñandú', nested: { b: [1, 2], a: null } } }, async () => ({ n }));
  };

  it('links each body\'s entries, even when writes of one body race', async () => {
    for (let n = 0; n < 4; n++) await write(n % 2 ? 'commune:1' : 'commune:2', n);
    await Promise.all(Array.from({ length: 8 }, (_, i) => write('commune:1', 10 + i)));
    expect(await verifyAuditChain(em(), 'commune:1')).toEqual({ verified: 10, unhashed: 0, brokenAt: null });
    expect(await verifyAuditChain(em(), 'commune:2')).toEqual({ verified: 2, unhashed: 0, brokenAt: null });
    const rows = await em().execute("select previous_hash as p, hash as h from audit_entry where body = 'commune:2' order by id");
    expect(rows[0]!.p).toBeNull();
    expect(rows[1]!.p).toBe(rows[0]!.h);
  });

  it('shows an entry rewritten or removed (where the append-only guards were bypassed)', async () => {
    const ids = (await em().execute("select id from audit_entry where body = 'commune:1' order by id")).map((r) => Number(r.id));
    await em().execute('update audit_entry set subject = ? where id = ?', ['someone-else', ids[3]]);
    expect((await verifyAuditChain(em(), 'commune:1')).brokenAt).toBe(ids[3]);
    await em().execute('update audit_entry set subject = ? where id = ?', ['tester', ids[3]]);
    expect((await verifyAuditChain(em(), 'commune:1')).brokenAt).toBeNull();
    await em().execute('delete from audit_entry where id = ?', [ids[5]]);
    expect(await verifyAuditChain(em(), 'commune:1')).toEqual({ verified: 5, unhashed: 0, brokenAt: ids[6] });
  });
});
