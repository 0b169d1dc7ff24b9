import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateway, service, type Gateway, type Service } from './harness.js';

const metricsOf = async (url: string) => (await fetch(new URL('/metrics', url))).text();
/** The value of one Prometheus sample line, or undefined when the series is absent. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(series));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe.each(await testDatabases())('logs, health and metrics on $kind', (database) => {
  let territory: Service;
  let gw: Gateway;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    territory = await service('territory', { databaseUrl: database.kind === 'postgresql' ? db.url : undefined, env: { LOG_LEVEL: 'info' } });
    gw = await gateway([territory], { LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await gw?.stop();
    await territory?.stop();
    await drop?.();
  });

  it('/health and /ready answer on the gateway and on the subgraph', async () => {
    for (const url of [gw.url, territory.url]) {
      expect((await fetch(new URL('/health', url))).status).toBe(200);
      const ready = await fetch(new URL('/ready', url));
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
    }
  });

  it('the request id the gateway is given (or creates) is logged by the gateway and by the subgraph, as JSON', async () => {
    const id = `e2e-${Date.now()}`;
    const result = await gw.query('query CommuneName { commune(id: "commune:1") { name } }', {}, { 'x-request-id': id });
    expect(result.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = (output: string) => output.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const gatewayLine = lines(gw.output()).find((l) => l.reqId === id);
    const territoryLine = lines(territory.output()).find((l) => l.reqId === id);
    expect(gatewayLine).toMatchObject({ service: 'gateway', operation: 'CommuneName', msg: 'graphql operation' });
    expect(territoryLine).toMatchObject({ service: 'territory', msg: 'graphql operation' });

    const created = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ commune(id: "commune:2") { name } }' }) });
    const createdId = created.headers.get('x-request-id');
    expect(createdId).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lines(territory.output()).some((l) => l.reqId === createdId)).toBe(true);
  });

  it('a subgraph writes its operation lines to stdout in batches, not one write per line (LOG_BUFFER_BYTES)', async () => {
    let chunks = 0;
    const stop = territory.onStdout((chunk) => {
      if (String(chunk).includes('"graphql operation"')) chunks++;
    });
    const id = `batch-${Date.now()}`;
    try {
      for (let i = 0; i < 30; i++) expect((await gw.query('{ commune(id: "commune:1") { name } }', {}, { 'x-request-id': `${id}-${i}` })).errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      stop();
    }
    const ours = territory.output().split('\n').filter((l) => l.includes(`"reqId":"${id}-`));
    expect(ours).toHaveLength(30);
    // One write per line would arrive as ~30 chunks; batches flushed every 100 ms arrive as a few.
    expect(chunks).toBeLessThanOrEqual(10);
  });

  it('/metrics counts operations, errors and subgraph calls, and PostgreSQL pool usage', async () => {
    const before = await metricsOf(gw.url);
    const okBefore = sample(before, 'comuna_subgraph_calls_total{subgraph="territory",outcome="ok"') ?? 0;
    await gw.query('query CommuneName { commune(id: "commune:1") { name } }');
    await gw.query('query Broken { commune(id: "commune:1") { noSuchField } }');
    const gatewayMetrics = await metricsOf(gw.url);
    expect(sample(gatewayMetrics, 'comuna_subgraph_calls_total{subgraph="territory",outcome="ok"')).toBeGreaterThan(okBefore);
    expect(sample(gatewayMetrics, 'comuna_requests_total{operation="CommuneName",outcome="ok"')).toBeGreaterThan(0);
    expect(gatewayMetrics).toMatch(/comuna_errors_total\{operation="Broken",code="[A-Z_]+"/);
    expect(gatewayMetrics).toContain('comuna_request_duration_seconds_bucket');
    const subgraphMetrics = await metricsOf(territory.url);
    expect(sample(subgraphMetrics, 'comuna_http_responses_total{status="200"')).toBeGreaterThan(0);
    if (database.kind === 'postgresql') {
      expect(sample(subgraphMetrics, 'comuna_db_pool_connections{state="total"')).toBeGreaterThan(0);
    }
  });
});
