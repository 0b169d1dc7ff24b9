import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, contextSecret, gateway, service, type Gateway, type Service } from './harness.js';
import { faultProxy, type FaultProxy } from './reliability-proxy.js';
// @ts-expect-error plain JavaScript shared with `npm start`
import { freePort, gatewayEntry, launch } from '../scripts/processes.js';

const DEADLINE_MS = 1_000;
const TERRITORY_ONLY = '{ commune(id: "commune:1") { name } }';
const BOTH = '{ commune(id: "commune:1") { name } assembly(id: "assembly:1") { id } }';
const GOVERNANCE_ONLY = '{ assembly(id: "assembly:1") { id } }';

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** The healthy part of the answer is there, and the missing part is named. */
function expectPartial(result: Awaited<ReturnType<Gateway['query']>>) {
  expect(result.status).toBe(200);
  expect(result.data?.commune?.name).toBe('El Maizal');
  expect(result.data?.assembly ?? null).toBeNull();
  const error = result.errors?.find((e) => e.extensions?.serviceName === 'governance');
  expect(error, JSON.stringify(result.errors)).toBeDefined();
  expect(error?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  expect(error?.message).toContain('governance');
}

describe('a subgraph down or slow', () => {
  let territory: Service;
  let governance: Service;
  let proxy: FaultProxy;
  let territoryProxy: FaultProxy;
  let gw: Gateway;
  beforeAll(async () => {
    territory = await service('territory');
    governance = await service('governance', { env: { TERRITORY_URL: territory.url } });
    proxy = await faultProxy(governance.url);
    territoryProxy = await faultProxy(territory.url);
    gw = await gateway([{ ...territory, url: territoryProxy.url }, { ...governance, url: proxy.url }], {
      SUBGRAPH_DEADLINE_MS: String(DEADLINE_MS),
    });
  });
  afterAll(async () => {
    await gw?.stop();
    await proxy?.close();
    await territoryProxy?.close();
    await governance?.stop();
    await territory?.stop();
  });

  it('answers in full when every subgraph is healthy', async () => {
    const result = await gw.query(BOTH);
    expect(result.errors).toBeUndefined();
    expect(result.data.assembly.id).toBe('assembly:1');
  });

  it('a slow subgraph: its part is cut at the deadline, queries that do not touch it keep their latency', async () => {
    proxy.set({ kind: 'delay', ms: 20_000 });
    try {
      const [slow, ...fast] = await Promise.all([timed(() => gw.query(BOTH)), ...Array.from({ length: 10 }, () => timed(() => gw.query(TERRITORY_ONLY)))]);
      expectPartial(slow.value);
      // The nullable root field of the slow subgraph is null; the rest of the answer is there.
      // Bounds, not benchmarks: without a deadline the first would wait 20 s, and the others would queue behind it.
      expect(slow.ms).toBeGreaterThanOrEqual(DEADLINE_MS * 0.9);
      expect(slow.ms).toBeLessThan(DEADLINE_MS + 2_000);
      for (const f of fast) {
        expect(f.value.errors).toBeUndefined();
        expect(f.ms).toBeLessThan(DEADLINE_MS);
      }
    } finally {
      proxy.set({ kind: 'pass' });
    }
  });

  it('an unreachable subgraph: queries retried with backoff, then the healthy part with an error naming it', async () => {
    proxy.set({ kind: 'reset' });
    proxy.resetHits();
    try {
      expectPartial(await gw.query(BOTH));
      expect(proxy.hits()).toBe(3);
    } finally {
      proxy.set({ kind: 'pass' });
    }
  });

  it('5xx and 429 are retried for queries; a retry that succeeds is invisible to the client', async () => {
    proxy.set({ kind: 'status', status: 503, times: 1 });
    proxy.resetHits();
    const result = await gw.query(BOTH);
    expect(result.errors).toBeUndefined();
    expect(result.data.assembly.id).toBe('assembly:1');
    expect(proxy.hits()).toBe(2);
    proxy.set({ kind: 'status', status: 429 });
    proxy.resetHits();
    expectPartial(await gw.query(BOTH));
    expect(proxy.hits()).toBe(3);
    proxy.set({ kind: 'pass' });
  });

  it('a mutation is never retried, even on 503', async () => {
    territoryProxy.set({ kind: 'status', status: 503 });
    territoryProxy.resetHits();
    try {
      const result = await gw.query(
        'mutation { changeRegistryStatus(input: { bodyId: "commune:2", status: INACTIVE, effectiveOn: "2025-06-01", reason: "reliability test" }) { id } }',
        {},
        await bearer('REGISTRY_CLERK'),
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(result.errors?.[0]?.extensions?.serviceName).toBe('territory');
      expect(territoryProxy.hits()).toBe(1);
    } finally {
      territoryProxy.set({ kind: 'pass' });
    }
  });

  it('a subgraph process killed under load: no hang, no crash, and service comes back by itself', async () => {
    const results: Awaited<ReturnType<Gateway['query']>>[] = [];
    let killed = false;
    const load = (async () => {
      for (let i = 0; i < 40; i++) {
        results.push(await gw.query(BOTH));
        if (i === 15) {
          await governance.stop();
          killed = true;
        }
      }
    })();
    await load;
    expect(killed).toBe(true);
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(result.data?.commune?.name).toBe('El Maizal');
    }
    const after = results.slice(17);
    expect(after.length).toBeGreaterThan(20);
    for (const result of after) expectPartial(result);

    // The gateway is the same process; only the subgraph comes back (on another port behind the same address).
    governance = await service('governance', { env: { TERRITORY_URL: territory.url } });
    proxy.retarget(governance.url);
    const back = await gw.query(BOTH);
    expect(back.errors).toBeUndefined();
    expect(back.data.assembly.id).toBe('assembly:1');
  });
});

describe('overload and shutdown', () => {
  let territory: Service;
  let governance: Service;
  let proxy: FaultProxy;
  beforeAll(async () => {
    territory = await service('territory');
    governance = await service('governance', { env: { TERRITORY_URL: territory.url } });
    proxy = await faultProxy(governance.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await governance?.stop();
    await territory?.stop();
  });

  it('above the concurrency limit requests are refused at once with 503, not queued', async () => {
    proxy.set({ kind: 'delay', ms: 1_500 });
    const gw = await gateway([territory, { ...governance, url: proxy.url }], { MAX_IN_FLIGHT: '3' });
    try {
      const answers = await Promise.all(
        Array.from({ length: 12 }, () =>
          timed(async () => {
            const response = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: GOVERNANCE_ONLY }) });
            return { status: response.status, body: (await response.json()) as any, retryAfter: response.headers.get('retry-after') };
          }),
        ),
      );
      const refused = answers.filter((a) => a.value.status === 503);
      const served = answers.filter((a) => a.value.status === 200);
      expect(served).toHaveLength(3);
      expect(refused).toHaveLength(9);
      for (const r of refused) {
        expect(r.value.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
        expect(r.value.retryAfter).toBe('1');
        expect(r.ms).toBeLessThan(1_000);
      }
    } finally {
      proxy.set({ kind: 'pass' });
      await gw.stop();
    }
  });

  it('SIGTERM drains: an in-flight request completes, then the process exits 0 and stops listening', async () => {
    proxy.set({ kind: 'delay', ms: 1_500 });
    const port = await freePort();
    const started = await launch(
      'gateway',
      gatewayEntry,
      { PORT: String(port), CONTEXT_SECRET: contextSecret, TERRITORY_URL: territory.url, GOVERNANCE_URL: proxy.url },
      `http://127.0.0.1:${port}/ready`,
      { quiet: true },
    );
    try {
      const exited = new Promise<number | null>((resolve) => started.child.once('exit', (code: number | null) => resolve(code)));
      const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: GOVERNANCE_ONLY }) });
      await new Promise((resolve) => setTimeout(resolve, 300));
      started.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as any).data.assembly.id).toBe('assembly:1');
      expect(await exited).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      proxy.set({ kind: 'pass' });
      await started.stop();
    }
  });
});
