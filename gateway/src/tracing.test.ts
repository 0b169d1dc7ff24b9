import { describe, expect, it } from 'vitest';
import type { Tracing } from '@comuna/subgraph-kit/tracing';
import { loadGatewayConfig } from './config.js';
import { startGatewayTracing, tracedFetch } from './tracing.js';
import type { Fetch } from './subgraph-fetch.js';

const secret = { CONTEXT_SECRET: 's'.repeat(32) };

describe('gateway tracing', () => {
  it('is off by default and when only an endpoint is given; otlp without an endpoint is refused', async () => {
    expect(await startGatewayTracing(loadGatewayConfig(secret))).toBeUndefined();
    expect(await startGatewayTracing(loadGatewayConfig({ ...secret, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }))).toBeUndefined();
    expect(() => loadGatewayConfig({ ...secret, OTEL_TRACES_EXPORTER: 'otlp' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT: is required/);
  });

  it('leaves the fetch untouched when off, and adds the traceparent to the signed headers when on', async () => {
    const seen: Record<string, string>[] = [];
    const inner: Fetch = async (_url, init) => {
      seen.push(init.headers);
      return new Response('{}', { status: 200 });
    };
    expect(tracedFetch(undefined, 'territory', inner)).toBe(inner);
    const spans: { name: string; attributes: Record<string, string>; status?: number }[] = [];
    const tracing = {
      async clientSpan(name: string, attributes: Record<string, string>, run: (h: Record<string, string>) => Promise<Response>, statusOf: (r: Response) => number) {
        const response = await run({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
        spans.push({ name, attributes, status: statusOf(response) });
        return response;
      },
    } as unknown as Tracing;
    await tracedFetch(tracing, 'territory', inner)('http://127.0.0.1:4001/graphql', { method: 'POST', headers: { 'x-comuna-context': 'ctx', 'x-comuna-signature': 'sig' }, body: '{}' });
    expect(seen[0]).toEqual({ 'x-comuna-context': 'ctx', 'x-comuna-signature': 'sig', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    expect(spans).toEqual([{ name: 'subgraph territory', attributes: { 'comuna.subgraph': 'territory', 'url.full': 'http://127.0.0.1:4001/graphql', 'http.request.method': 'POST' }, status: 200 }]);
  });
});
