import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateway, type Gateway } from './harness.js';

/**
 * A stand-in subgraph that only counts the requests reaching it: an attack refused during validation never
 * reaches a subgraph, so no SQL statement can run for it.
 */
async function countingSubgraph(): Promise<{ server: Server; url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: null, errors: [{ message: 'stand-in' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, hits: () => hits };
}

const depth = (n: number) => `{ commune(id: "commune:1") { ${'communalCity { communes { '.repeat(n / 2)}id${' } }'.repeat(n / 2)} } }`;
const production = { NODE_ENV: 'production', JWT_ISSUER: 'https://id.test', JWT_SECRET: 'p'.repeat(40), RATE_LIMIT_PER_MINUTE: '50' };

describe('query limits at the gateway', () => {
  let fake: Awaited<ReturnType<typeof countingSubgraph>>;
  let gw: Gateway;
  let prod: Gateway;
  beforeAll(async () => {
    fake = await countingSubgraph();
    const stand = { name: 'territory', url: fake.url, stop: async () => {}, output: () => '' };
    gw = await gateway([stand]);
    prod = await gateway([stand], production);
  });
  afterAll(async () => {
    await gw?.stop();
    await prod?.stop();
    fake?.server.close();
  });

  async function refused(query: string, code = 'GRAPHQL_VALIDATION_FAILED', target = gw) {
    const before = fake.hits();
    const result = await target.query(query);
    expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe(code);
    expect(fake.hits()).toBe(before);
    return result;
  }

  it('refuses depth 50', async () => {
    await refused(depth(50));
  });

  it('refuses 1,000 aliases of a mutation', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: changeRegistryStatus(input: { bodyId: "commune:1", status: ACTIVE, effectiveOn: "2025-01-01", reason: "x" }) { id }`).join(' ');
    await refused(`mutation { ${aliases} }`);
  });

  it('refuses a query over the token limit, and cyclic fragments', async () => {
    await refused(`{ ${Array.from({ length: 1500 }, (_, i) => `n${i}: nation { name }`).join(' ')} }`);
    await refused('{ commune(id: "commune:1") { ...A } } fragment A on Commune { communalCity { communes { ...A } } }');
  });

  it('refuses a 100-operation JSON batch', async () => {
    const before = fake.hits();
    const response = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ nation { name } }' }))) });
    expect(response.status).toBe(400);
    expect(fake.hits()).toBe(before);
  });

  it('prevents CSRF: a text/plain POST is not executed', async () => {
    const before = fake.hits();
    const response = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ nation { name } }' }) });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
    expect(fake.hits()).toBe(before);
  });

  it('refuses bodies over 1 MB before parsing them', async () => {
    const response = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ nation { name } } #${'x'.repeat(1_100_000)}` }) });
    expect(response.status).toBe(413);
  });

  it('in production: no field suggestions, no introspection, no stack traces, and a per-client rate limit', async () => {
    const typo = await refused('{ comune(id: "commune:1") { id } }', 'GRAPHQL_VALIDATION_FAILED', prod);
    expect(typo.errors![0]!.message).not.toMatch(/Did you mean/);
    const dev = await gw.query('{ comune(id: "commune:1") { id } }');
    expect(dev.errors![0]!.message).toMatch(/Did you mean/);
    await refused('{ __schema { types { name } } }', 'GRAPHQL_VALIDATION_FAILED', prod);
    const internal = await prod.query('{ nation { name } }');
    expect(JSON.stringify(internal.errors)).not.toMatch(/stacktrace|stand-in/);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await fetch(prod.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).status);
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeGreaterThan(40);
  });

  it('in safelist mode, runs only trusted documents', async () => {
    const manifest = join(tmpdir(), `trusted-${process.pid}.json`);
    writeFileSync(manifest, JSON.stringify({ a: '{ __typename }' }));
    const safe = await gateway([{ name: 'territory', url: fake.url, stop: async () => {}, output: () => '' }], { TRUSTED_DOCUMENTS_PATH: manifest });
    try {
      expect((await safe.query('{ __typename }')).data).toEqual({ __typename: 'Query' });
      const other = await safe.query('{ nation { name } }');
      expect(other.status).toBe(403);
      expect(other.errors![0]!.extensions!.code).toBe('OPERATION_NOT_TRUSTED');
    } finally {
      await safe.stop();
    }
  });
});
