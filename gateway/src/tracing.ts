import { startTracing, tracingSettings, type Tracing, type TracingConfig } from '@comuna/subgraph-kit/tracing';
import type { Fetch } from './subgraph-fetch.js';

/**
 * The gateway's tracing, when configured. Every trace starts here: a client's `traceparent` is not continued, so a
 * client can neither choose sampling nor attach its requests to someone else's trace.
 */
export function startGatewayTracing(config: Partial<TracingConfig>): Promise<Tracing | undefined> {
  return startTracing(tracingSettings(config, 'gateway'), { continueIncoming: false });
}

/**
 * One client span per subgraph call (retries included), carrying the W3C `traceparent` the subgraph continues.
 * The header is outside what the gateway signs: it says where a span belongs, and grants nothing.
 */
export function tracedFetch(tracing: Tracing | undefined, name: string, inner: Fetch): Fetch {
  if (!tracing) return inner;
  return (url, init) =>
    tracing.clientSpan(
      `subgraph ${name}`,
      { 'comuna.subgraph': name, 'url.full': url, 'http.request.method': init.method ?? 'POST' },
      (traceHeaders) => inner(url, { ...init, headers: { ...init.headers, ...traceHeaders } }),
      (response) => response.status,
    );
}
