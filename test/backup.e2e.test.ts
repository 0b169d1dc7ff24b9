import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { testDatabases } from '@comuna/subgraph-kit/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, gateway, service, type Gateway, type Service } from './harness.js';

const REGISTER = 'mutation($input: RegisterCommunalCouncilInput!) { registerCommunalCouncil(input: $input) { id } }';
const COUNT = '{ communalCouncils(first: 0) { totalCount } }';
const input = (name: string) => ({ name, parishId: 'parish:1', setting: 'URBAN', families: 200, population: 800, registeredOn: '2025-09-01' });
const script = (name: string) => fileURLToPath(new URL(`../scripts/${name}`, import.meta.url));
// The councils registered and the audit entries of those registrations, read straight from a database.
const COUNTS = `select (select count(*) from communal_council) as councils,
                       (select count(*) from audit_entry where action = 'registerCommunalCouncil') as audited`;

async function countsIn(url: string): Promise<{ councils: number; audited: number }> {
  if (url.startsWith('sqlite:')) {
    const db = new DatabaseSync(url.slice('sqlite:'.length), { readOnly: true });
    try {
      const row = db.prepare(COUNTS).get() as { councils: number; audited: number };
      return { councils: Number(row.councils), audited: Number(row.audited) };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const row = (await client.query(COUNTS)).rows[0];
    return { councils: Number(row.councils), audited: Number(row.audited) };
  } finally {
    await client.end();
  }
}

// The drill of the README: back up under write load, restore into a new database, serve it, check it.
describe.each(await testDatabases())('backup under write load and restore on $kind', (database) => {
  const scratch = mkdtempSync(join(tmpdir(), 'comuna-backup-'));
  let url: string;
  let restoredUrl: string;
  let territory: Service;
  let restored: Service | undefined;
  let gw: Gateway;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    if (database.kind === 'postgresql') {
      const db = await database.create();
      cleanups.push(db.drop);
      url = db.url;
      const target = new URL(db.url);
      target.pathname = `${target.pathname}_restored`;
      restoredUrl = target.toString();
      cleanups.push(async () => {
        const admin = new URL(db.url);
        admin.pathname = '/postgres';
        const client = new pg.Client({ connectionString: admin.toString() });
        await client.connect();
        await client.query(`drop database if exists ${target.pathname.slice(1)} with (force)`);
        await client.end();
      });
    } else {
      url = `sqlite:${join(scratch, 'territory.sqlite')}`;
      restoredUrl = `sqlite:${join(scratch, 'restored.sqlite')}`;
    }
    territory = await service('territory', { databaseUrl: url });
    gw = await gateway([territory]);
  });
  afterAll(async () => {
    await gw?.stop();
    await territory?.stop();
    await restored?.stop();
    for (const cleanup of cleanups) await cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('the backup is one consistent snapshot between the writes acknowledged before and after it, audit trail included', async () => {
    const clerk = await bearer('REGISTRY_CLERK');
    const seeded = (await gw.query(COUNT)).data.communalCouncils.totalCount as number;
    let acknowledged = 0;
    let failures = 0;
    let stop = false;
    const writer = async (lane: number) => {
      for (let i = 0; !stop; i++) {
        const result = await gw.query(REGISTER, { input: input(`Consejo Respaldo ${lane}-${i}`) }, clerk);
        if (result.errors) failures++;
        else acknowledged++;
      }
    };
    const writers = [writer(1), writer(2), writer(3)];
    while (acknowledged < 30) await new Promise((r) => setTimeout(r, 20));

    const before = acknowledged;
    const backup = join(scratch, database.kind === 'sqlite' ? 'backup.sqlite' : 'backup.dump');
    execFileSync(process.execPath, [script('backup.mjs'), url, backup], { stdio: 'pipe' });
    const after = acknowledged;
    while (acknowledged < after + 10) await new Promise((r) => setTimeout(r, 20));
    stop = true;
    await Promise.all(writers);
    expect(failures).toBe(0);

    execFileSync(process.execPath, [script('restore.mjs'), backup, restoredUrl], { stdio: 'pipe' });
    const snapshot = await countsIn(restoredUrl);
    // Every registration in the copy has its audit entry (one transaction each), and the copy holds no torn state.
    expect(snapshot.councils - seeded).toBe(snapshot.audited);
    expect(snapshot.audited).toBeGreaterThanOrEqual(before);
    expect(snapshot.audited).toBeLessThanOrEqual(after + 3);
    // The live database went on and is complete.
    expect((await countsIn(url)).audited).toBe(acknowledged);

    // A service started on the restored database serves exactly the snapshot.
    restored = await service('territory', { databaseUrl: restoredUrl });
    const restoredGateway = await gateway([restored]);
    try {
      expect((await restoredGateway.query(COUNT)).data.communalCouncils.totalCount).toBe(snapshot.councils);
    } finally {
      await restoredGateway.stop();
    }
  });
});
