import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, gateway, service, type Gateway, type Service } from './harness.js';
import { otlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver.js';

const SERVER = 2;
const CLIENT = 3;
const QUERY = `query TracedCity($code: String!, $period: PeriodInput!) {
  communalCity(code: $code) { name governance(period: $period) { assembliesHeld } }
}`;
/** Values the client sends: none may appear anywhere in a span. */
const VARIABLES = { code: 'CIU-LAR-001', period: { from: '2025-01-01', to: '2025-12-31' } };
const ASSEMBLY = { bodyId: 'council:12', heldOn: '2026-05-02', attendance: 30, agenda: ['agenda-secret-item'], decisions: [{ text: 'decision-secret-text', votesFor: 50, votesAgainst: 4, votesAbstaining: 1 }] };
const SECRETS = /CIU-LAR-001|2025-01-01|2025-12-31|council:12|2026-05-02|agenda-secret|decision-secret/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the receiver holds spans that satisfy `ready` (exports are batched every 100 ms here). */
async function spansWhen(receiver: OtlpReceiver, ready: (spans: ReceivedSpan[]) => boolean, timeoutMs = 15_000): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + timeoutMs;
  while (!ready(receiver.spans) && Date.now() < deadline) await sleep(100);
  return receiver.spans;
}

describe.each(await testDatabases())('OpenTelemetry traces on $kind', (database) => {
  let receiver: OtlpReceiver;
  let territory: Service;
  let governance: Service;
  let gw: Gateway;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    receiver = await otlpReceiver();
    const env = { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '100' };
    const db = await database.create();
    drop = db.drop;
    // Territory on the database under test, governance on SQLite: on PostgreSQL one trace holds both kinds of SQL.
    territory = await service('territory', { databaseUrl: database.kind === 'postgresql' ? db.url : undefined, env });
    governance = await service('governance', { env: { ...env, TERRITORY_URL: territory.url } });
    gw = await gateway([territory, governance], env);
  });
  afterAll(async () => {
    await gw?.stop();
    await governance?.stop();
    await territory?.stop();
    await drop?.();
    await receiver?.close();
  });

  it('one trace runs from the gateway operation through each subgraph fetch to the subgraph operations and their SQL', async () => {
    const result = await gw.query(QUERY, VARIABLES);
    expect(result.errors).toBeUndefined();
    expect(result.data.communalCity.governance.assembliesHeld).toBeGreaterThan(0);

    const rootOf = (spans: ReceivedSpan[]) => spans.find((s) => s.service === 'gateway' && s.name === 'query TracedCity');
    const complete = (spans: ReceivedSpan[]) => {
      const root = rootOf(spans);
      const trace = spans.filter((s) => s.traceId === root?.traceId);
      return ['territory', 'governance'].every((name) => trace.some((s) => s.service === name && s.attributes['db.system']));
    };
    const spans = await spansWhen(receiver, complete);
    const root = rootOf(spans)!;
    expect(root).toBeDefined();
    expect(root.parentSpanId).toBeUndefined();
    expect(root.kind).toBe(SERVER);
    expect(root.attributes).toMatchObject({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'TracedCity' });

    const trace = spans.filter((s) => s.traceId === root.traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    /** The span's ancestors, nearest first; every parent must be a span of this trace. */
    const ancestors = (span: ReceivedSpan) => {
      const chain: ReceivedSpan[] = [];
      for (let parent = span.parentSpanId; parent; parent = byId.get(parent)?.parentSpanId) {
        expect(byId.has(parent), `parent ${parent} of ${span.service} "${span.name}" is in the trace`).toBe(true);
        chain.push(byId.get(parent)!);
      }
      return chain;
    };

    for (const name of ['territory', 'governance']) {
      const fetches = trace.filter((s) => s.service === 'gateway' && s.name === `subgraph ${name}`);
      expect(fetches.length, `gateway fetch spans to ${name}`).toBeGreaterThan(0);
      for (const fetch of fetches) {
        expect(fetch.kind).toBe(CLIENT);
        expect(fetch.attributes['http.response.status_code']).toBe(200);
        expect(ancestors(fetch).at(-1)).toBe(root);
      }
      const operations = trace.filter((s) => s.service === name && s.kind === SERVER);
      expect(operations.length, `${name} operation spans`).toBeGreaterThan(0);
      for (const operation of operations) {
        // The subgraph continued the traceparent of the gateway's fetch span.
        expect(fetches.map((f) => f.spanId)).toContain(operation.parentSpanId);
        expect(operation.name).toMatch(/^query \w+/);
      }
      const statements = trace.filter((s) => s.service === name && s.attributes['db.system']);
      expect(statements.length, `${name} SQL spans`).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(statement.kind).toBe(CLIENT);
        expect(statement.attributes['db.system']).toBe(name === 'territory' ? database.kind : 'sqlite');
        expect(statement.attributes['db.query.text']).toMatch(/^(select|insert|update|delete|with|begin|commit|pragma)\b/i);
        const chain = ancestors(statement);
        expect(operations).toContain(chain.find((s) => s.service === name && s.kind === SERVER));
        expect(chain.at(-1)).toBe(root);
      }
    }
  });

  it('a subgraph\'s own call to another (governance asking territory for a body\'s size) joins the client\'s trace', async () => {
    const mutation = 'mutation RecordTraced($input: RecordAssemblyInput!) { recordAssembly(input: $input) { id } }';
    const result = await gw.query(mutation, { input: ASSEMBLY }, await bearer('SPOKESPERSON', ['council:12']));
    expect(result.errors).toBeUndefined();
    const rootOf = (spans: ReceivedSpan[]) => spans.find((s) => s.service === 'gateway' && s.name === 'mutation RecordTraced');
    const spans = await spansWhen(receiver, (all) => all.some((s) => s.service === 'territory' && s.traceId === rootOf(all)?.traceId));
    const root = rootOf(spans)!;
    const trace = spans.filter((s) => s.traceId === root.traceId);
    const governanceSpans = new Set(trace.filter((s) => s.service === 'governance').map((s) => s.spanId));
    const territoryCall = trace.find((s) => s.service === 'territory' && s.kind === SERVER);
    expect(territoryCall, 'territory span in the mutation\'s trace').toBeDefined();
    expect(governanceSpans.has(territoryCall!.parentSpanId!)).toBe(true);
    expect(trace.some((s) => s.service === 'territory' && s.parentSpanId === territoryCall!.spanId && s.attributes['db.system'])).toBe(true);
  });

  it('no span, in any service, carries a value the client sent', async () => {
    await gw.query(QUERY, VARIABLES);
    await sleep(500);
    expect(receiver.spans.length).toBeGreaterThan(0);
    for (const span of receiver.spans) expect(JSON.stringify(span)).not.toMatch(SECRETS);
  });
});

describe('OpenTelemetry traces off (the default)', () => {
  it('sends nothing, even with an endpoint configured', async () => {
    delete process.env.OTEL_TRACES_EXPORTER;
    const receiver = await otlpReceiver();
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
    const territory = await service('territory', { env });
    const gw = await gateway([territory], env);
    try {
      const result = await gw.query('query CommuneName { commune(id: "commune:1") { name } }');
      expect(result.errors).toBeUndefined();
      await sleep(1_000);
    } finally {
      // Stopping flushes whatever a tracer would have buffered.
      await gw.stop();
      await territory.stop();
    }
    expect(receiver.requests).toBe(0);
    await receiver.close();
  });
});
