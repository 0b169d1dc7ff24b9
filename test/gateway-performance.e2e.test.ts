import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, gateway, service, type Gateway, type Service } from './harness.js';
import { faultProxy, type FaultProxy } from './reliability-proxy.js';

// The territory subgraph sits behind a counting proxy: every call the gateway makes to it is one hit.
const READ = '{ commune(id: "commune:1") { name registry { status } } }';
const STATUS = '{ commune(id: "commune:3") { registry { status version } } }';
const deactivate = 'mutation { changeRegistryStatus(input: { bodyId: "commune:3", status: INACTIVE, effectiveOn: "2025-06-01", reason: "cache e2e" }) { id } }';
// Each gateway below reaches only territory: the mandate lookup (governance) stays off so a login calls nothing else.
const ONLY_TERRITORY = { MANDATE_ROLES: 'off' };

async function post(gw: Gateway, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { cache: response.headers.get('x-cache'), ...((await response.json()) as { data?: any; errors?: { extensions?: Record<string, unknown> }[] }) };
}

describe.each(await testDatabases())('gateway: in-flight de-duplication and response cache, territory on $kind', (database) => {
  let drop: () => Promise<void>;
  let territory: Service;
  let proxy: FaultProxy;
  let plain: Gateway;
  let cached: Gateway;
  let tiny: Gateway;
  let inboundOnly: Gateway;
  let noSharing: Gateway;
  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    territory = await service('territory', { databaseUrl: database.kind === 'postgresql' ? db.url : undefined });
    proxy = await faultProxy(territory.url);
    const behindProxy = [{ ...territory, url: proxy.url }];
    // The subgraph-call de-duplication alone (requests executed one by one), the request sharing alone, and neither.
    plain = await gateway(behindProxy, { ...ONLY_TERRITORY, REQUEST_DEDUP: 'false' });
    inboundOnly = await gateway(behindProxy, { ...ONLY_TERRITORY, SUBGRAPH_DEDUP: 'false' });
    noSharing = await gateway(behindProxy, { ...ONLY_TERRITORY, SUBGRAPH_DEDUP: 'false', REQUEST_DEDUP: 'false' });
    cached = await gateway(behindProxy, { ...ONLY_TERRITORY, RESPONSE_CACHE_TTL_MS: '60000' });
    tiny = await gateway(behindProxy, { ...ONLY_TERRITORY, RESPONSE_CACHE_TTL_MS: '60000', RESPONSE_CACHE_MAX_ENTRIES: '1' });
  });
  afterAll(async () => {
    for (const s of [plain, cached, tiny, inboundOnly, noSharing]) await s?.stop();
    await proxy?.close();
    await territory?.stop();
    await drop?.();
  });

  it('sends N concurrent identical anonymous queries to the subgraph once', async () => {
    // Held at the proxy, so every request arrives while the first call is still in flight.
    proxy.set({ kind: 'delay', ms: 400 });
    proxy.resetHits();
    try {
      const answers = await Promise.all(Array.from({ length: 8 }, () => plain.query(READ)));
      for (const answer of answers) expect(answer.data?.commune?.name).toBe('El Maizal');
      expect(proxy.hits()).toBe(1);
    } finally {
      proxy.set({ kind: 'pass' });
    }
  });

  it('executes N concurrent identical anonymous requests once (request sharing), and N times with no sharing at all', async () => {
    proxy.set({ kind: 'delay', ms: 400 });
    try {
      proxy.resetHits();
      const shared = await Promise.all(Array.from({ length: 8 }, () => post(inboundOnly, READ)));
      for (const answer of shared) expect(answer).toEqual(shared[0]);
      expect(shared[0]?.data?.commune?.name).toBe('El Maizal');
      expect(proxy.hits()).toBe(1);
      proxy.resetHits();
      const alone = await Promise.all(Array.from({ length: 8 }, () => post(noSharing, READ)));
      for (const answer of alone) expect(answer.data?.commune?.name).toBe('El Maizal');
      expect(proxy.hits()).toBe(8);
      // An identity is never shared with anyone, not even the same caller's other request.
      proxy.resetHits();
      const clerk = await bearer('REGISTRY_CLERK');
      await Promise.all([post(inboundOnly, READ, clerk), post(inboundOnly, READ, clerk), post(inboundOnly, READ)]);
      expect(proxy.hits()).toBe(3);
    } finally {
      proxy.set({ kind: 'pass' });
    }
  });

  it('a request sent while a mutation runs does not get the answer of a read that started before it', async () => {
    // Before the mutation: a read held at the proxy; the mutation forgets it, so the same read sent next executes.
    proxy.set({ kind: 'delay', ms: 600 });
    try {
      const clerk = await bearer('REGISTRY_CLERK');
      proxy.resetHits();
      const early = post(inboundOnly, STATUS);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const write = post(inboundOnly, 'mutation { changeRegistryStatus(input: { bodyId: "commune:5", status: ACTIVE, effectiveOn: "2025-02-01", reason: "sharing e2e" }) { id } }', clerk);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const late = post(inboundOnly, STATUS);
      await Promise.all([early, write, late]);
      expect(proxy.hits()).toBe(3);
    } finally {
      proxy.set({ kind: 'pass' });
    }
  });

  it('never merges two identities, nor two identical mutations', async () => {
    proxy.set({ kind: 'delay', ms: 400 });
    proxy.resetHits();
    try {
      const clerk = await bearer('REGISTRY_CLERK');
      const reads = await Promise.all([plain.query(READ), plain.query(READ, {}, clerk), plain.query(READ, {}, await bearer('AUDITOR'))]);
      for (const read of reads) expect(read.data?.commune?.name).toBe('El Maizal');
      expect(proxy.hits()).toBe(3);
      proxy.resetHits();
      const mutation = 'mutation { changeRegistryStatus(input: { bodyId: "commune:1", status: ACTIVE, effectiveOn: "2025-01-01", reason: "dedup e2e" }) { id } }';
      await Promise.all([plain.query(mutation, {}, clerk), plain.query(mutation, {}, clerk)]);
      expect(proxy.hits()).toBe(2);
    } finally {
      proxy.set({ kind: 'pass' });
    }
  });

  it('serves the second identical anonymous query from the cache, and never an authenticated one', async () => {
    proxy.resetHits();
    expect(await post(cached, READ)).toMatchObject({ cache: 'MISS', data: { commune: { name: 'El Maizal' } } });
    expect(await post(cached, READ)).toMatchObject({ cache: 'HIT', data: { commune: { name: 'El Maizal' } } });
    expect(proxy.hits()).toBe(1);
    const clerk = await bearer('REGISTRY_CLERK');
    expect((await post(cached, READ, clerk)).cache).toBeNull();
    expect((await post(cached, READ, clerk)).cache).toBeNull();
    expect(proxy.hits()).toBe(3);
  });

  it('serves an exact repeat before Apollo (named operation counted and logged as any other), and a respaced one from the normalized level', async () => {
    const named = 'query CachedCommune { commune(id: "commune:4") { name } }';
    const count = async () => Number(/comuna_requests_total\{operation="CachedCommune",outcome="ok"[^}]*\} (\d+)/.exec(await (await fetch(new URL('/metrics', cached.url))).text())?.[1] ?? 0);
    proxy.resetHits();
    const first = await post(cached, named);
    expect(first).toMatchObject({ cache: 'MISS', data: { commune: { name: expect.any(String) } } });
    expect(await post(cached, named)).toEqual({ ...first, cache: 'HIT' });
    expect(await post(cached, named.replace('{ commune', '{\n  commune'))).toEqual({ ...first, cache: 'HIT' });
    expect(proxy.hits()).toBe(1);
    expect(await count()).toBe(3);
    const entries = /comuna_gateway_cache_entries\{cache="responses"[^}]*\} (\d+)/.exec(await (await fetch(new URL('/metrics', cached.url))).text());
    expect(Number(entries?.[1])).toBeGreaterThanOrEqual(3);
  });

  it('is emptied by a mutation through the gateway: the next read sees the new data', async () => {
    const before = await post(cached, STATUS);
    expect(before.data.commune.registry.status).toBe('ACTIVE');
    expect((await post(cached, STATUS)).cache).toBe('HIT');
    const written = await post(cached, deactivate, await bearer('REGISTRY_CLERK'));
    expect(written.errors, JSON.stringify(written.errors)).toBeUndefined();
    const after = await post(cached, STATUS);
    expect(after).toMatchObject({ cache: 'MISS', data: { commune: { registry: { status: 'INACTIVE', version: before.data.commune.registry.version + 1 } } } });
  });

  it('does not cache an answer with errors', async () => {
    const query = '{ commune(id: "commune:2") { name } }';
    proxy.set({ kind: 'status', status: 500, times: 3 });
    try {
      const failed = await post(cached, query);
      expect(failed.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      proxy.set({ kind: 'pass' });
    }
    proxy.resetHits();
    expect(await post(cached, query)).toMatchObject({ cache: 'MISS', data: { commune: { name: expect.any(String) } } });
    expect(proxy.hits()).toBe(1);
  });

  it('evicts past its bound', async () => {
    proxy.resetHits();
    await post(tiny, READ);
    await post(tiny, STATUS);
    expect((await post(tiny, READ)).cache).toBe('MISS');
    expect((await post(tiny, READ)).cache).toBe('HIT');
    expect(proxy.hits()).toBe(3);
  });
});
