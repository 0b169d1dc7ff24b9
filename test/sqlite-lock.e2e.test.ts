import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, gateway, service, type Gateway, type Service } from './harness.js';

const REGISTER = 'mutation($input: RegisterCommunalCouncilInput!) { registerCommunalCouncil(input: $input) { id name } }';
const COUNT = '{ communalCouncils(first: 0) { totalCount } }';
const input = (name: string) => ({ name, parishId: 'parish:1', setting: 'URBAN', families: 200, population: 800, registeredOn: '2025-09-01' });
const BUSY_TIMEOUT_MS = 1_000;

// Another process (a backup, an operator's shell) holding SQLite's write lock must not hang or crash a subgraph.
describe('a locked SQLite database', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'comuna-lock-'));
  const file = join(scratch, 'territory.sqlite');
  let territory: Service;
  let gw: Gateway;
  let clerk: Record<string, string>;
  beforeAll(async () => {
    territory = await service('territory', { databaseUrl: `sqlite:${file}`, env: { SQLITE_BUSY_TIMEOUT_MS: String(BUSY_TIMEOUT_MS) } });
    gw = await gateway([territory]);
    clerk = await bearer('REGISTRY_CLERK');
  });
  afterAll(async () => {
    await gw?.stop();
    await territory?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const count = async () => {
    const result = await gw.query(COUNT);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data.communalCouncils.totalCount as number;
  };

  it('a mutation fails with a coded error after the busy timeout, writes nothing, and works once the lock is released', async () => {
    const before = await count();
    const holder = new DatabaseSync(file);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const locked = await gw.query(REGISTER, { input: input('Consejo Comunal Bloqueado') }, clerk);
      const waited = Date.now() - started;
      expect(locked.status).not.toBe(500);
      expect(locked.data?.registerCommunalCouncil ?? null).toBeNull();
      expect(locked.errors?.[0]?.extensions?.code, JSON.stringify(locked.errors)).toBe('SERVICE_UNAVAILABLE');
      expect(locked.errors?.[0]?.message).toMatch(/busy|locked/i);
      expect(waited).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS * 0.9);
      // Reads still work under WAL while the writer holds the lock.
      expect(await count()).toBe(before);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const after = await gw.query(REGISTER, { input: input('Consejo Comunal Liberado') }, clerk);
    expect(after.errors).toBeUndefined();
    expect(await count()).toBe(before + 1);
  });

  it('a mutation waiting on a lock released within the timeout succeeds', async () => {
    const before = await count();
    const holder = new DatabaseSync(file);
    holder.exec('BEGIN IMMEDIATE');
    const release = setTimeout(() => {
      holder.exec('ROLLBACK');
      holder.close();
    }, BUSY_TIMEOUT_MS / 4);
    const result = await gw.query(REGISTER, { input: input('Consejo Comunal Paciente') }, clerk);
    clearTimeout(release);
    expect(result.errors).toBeUndefined();
    expect(await count()).toBe(before + 1);
  });
});
