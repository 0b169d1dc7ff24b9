import { randomUUID } from 'node:crypto';
import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, gateway, service, type Gateway, type Service } from './harness.js';

const REGISTER = 'mutation($input: RegisterCommunalCouncilInput!) { registerCommunalCouncil(input: $input) { id code name } }';
const COUNT = '{ communalCouncils(first: 0) { totalCount } }';
const input = (name: string) => ({ name, parishId: 'parish:1', setting: 'URBAN', families: 200, population: 800, registeredOn: '2025-09-01' });

describe.each(await testDatabases())('idempotency keys on $kind', (database) => {
  let territory: Service;
  let gw: Gateway;
  let drop: () => Promise<void>;
  let clerk: Record<string, string>;
  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    territory = await service('territory', { databaseUrl: database.kind === 'postgresql' ? db.url : undefined });
    gw = await gateway([territory]);
    clerk = await bearer('REGISTRY_CLERK');
  });
  afterAll(async () => {
    await gw?.stop();
    await territory?.stop();
    await drop?.();
  });

  const count = async () => (await gw.query(COUNT)).data.communalCouncils.totalCount as number;

  it('20 concurrent identical requests under one key: one row, identical answers', async () => {
    const before = await count();
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => gw.query(REGISTER, { input: input('Consejo Comunal Idempotente') }, { ...clerk, 'idempotency-key': key })),
    );
    for (const answer of answers) expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it('a repeat later returns the stored result and writes nothing', async () => {
    const key = randomUUID();
    const first = await gw.query(REGISTER, { input: input('Consejo Comunal Repetido') }, { ...clerk, 'idempotency-key': key });
    expect(first.errors).toBeUndefined();
    const before = await count();
    const again = await gw.query(REGISTER, { input: input('Consejo Comunal Repetido') }, { ...clerk, 'idempotency-key': key });
    expect(again.data).toEqual(first.data);
    expect(await count()).toBe(before);
  });

  it('the same key with a different body is refused, and writes nothing', async () => {
    const key = randomUUID();
    await gw.query(REGISTER, { input: input('Consejo Comunal Original') }, { ...clerk, 'idempotency-key': key });
    const before = await count();
    const other = await gw.query(REGISTER, { input: input('Consejo Comunal Distinto') }, { ...clerk, 'idempotency-key': key });
    expect(other.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(other.errors?.[0]?.message).toContain('Idempotency-Key');
    expect(await count()).toBe(before);
  });

  it('keys are per user: another user with the same key gets its own write', async () => {
    const key = randomUUID();
    const a = await gw.query(REGISTER, { input: input('Consejo Comunal de Ana') }, { ...clerk, 'idempotency-key': key });
    const b = await gw.query(REGISTER, { input: input('Consejo Comunal de Ana') }, { ...(await bearer('REGISTRY_CLERK', ['*'], 'clerk-luis')), 'idempotency-key': key });
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(b.data.registerCommunalCouncil.id).not.toBe(a.data.registerCommunalCouncil.id);
  });

  it('a malformed key is refused with a message saying what a key looks like', async () => {
    const before = await count();
    const bad = await gw.query(REGISTER, { input: input('Consejo Comunal Mal') }, { ...clerk, 'idempotency-key': 'short' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('Idempotency-Key');
    expect(await count()).toBe(before);
  });

  it('without a key, two identical requests are two writes (nothing is deduplicated by guesswork)', async () => {
    const before = await count();
    await gw.query(REGISTER, { input: input('Consejo Comunal Doble') }, clerk);
    await gw.query(REGISTER, { input: input('Consejo Comunal Doble') }, clerk);
    expect(await count()).toBe(before + 2);
  });
});
