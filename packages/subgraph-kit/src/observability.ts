import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { pino, type Logger } from 'pino';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { z } from 'zod';
import type { RequestEvent } from './http-server.js';

/**
 * One JSON line per event on stdout (pino), each naming the service; `LOG_LEVEL` picks how much. Every request
 * line carries the request id the gateway created, so one client request can be followed across all services.
 * Silent under Vitest unless LOG_LEVEL says otherwise, so test output stays readable.
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'), options: LogBuffering = {}): Logger {
  const settings = { level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime };
  if (!options.bufferBytes) return pino(settings);
  return pino(settings, bufferedStdout(options.bufferBytes, options.flushMs ?? 100));
}

/**
 * One setting for every service's one-line-per-operation log (the gateway and each subgraph), so the log behaves
 * the same wherever an operator reads it.
 */
export const logBufferConfigShape = {
  /** Log lines reach stdout in batches of about this many bytes, flushed every 100 ms and at exit; 0 writes each line at once. */
  LOG_BUFFER_BYTES: z.coerce.number().int().min(0).max(16_000).default(4_096),
};

export interface LogBuffering {
  /** Lines are written to stdout in batches of about this many bytes (below 16 KiB) instead of one write per line; 0: unbuffered. */
  bufferBytes?: number;
  /** A batch not yet full is written after this long anyway, so a quiet service's lines are not held back. */
  flushMs?: number;
}

/**
 * Stdout written asynchronously in batches: one line per request costs a system call each otherwise, a measurable
 * share of a busy gateway's CPU. Pino writes what is left when the process exits; a process killed outright loses
 * at most `flushMs` of lines.
 */
function bufferedStdout(bufferBytes: number, flushMs: number) {
  const destination = pino.destination({ dest: 1, sync: false, minLength: bufferBytes });
  setInterval(() => {
    // Flushing while the stream is still opening or mid-write throws; the next tick catches up.
    try {
      destination.flush();
    } catch {
      // nothing to do: the next interval writes it
    }
  }, flushMs).unref();
  return destination;
}

export interface ServiceMetrics {
  registry: Registry;
  http: Counter<'status'>;
  requests: Counter<'operation' | 'outcome'>;
  duration: Histogram<'operation'>;
  errors: Counter<'operation' | 'code'>;
  subgraphCalls: Counter<'subgraph' | 'outcome'>;
  subgraphDuration: Histogram<'subgraph'>;
  pool: Gauge<'state'>;
  /** Serves `/metrics` in the Prometheus text format; plug into `serve({ routes })`. */
  route(path: string, req: IncomingMessage, res: ServerResponse): boolean;
  /** Counts one finished HTTP request by status, refusals (429, 503) included; plug into `serve({ onFinished })`. */
  record(event: RequestEvent): void;
}

/** Prometheus metrics of one service, on a registry of its own (tests start several services in one process). */
export function createMetrics(service: string, poolUsage?: () => Promise<Record<string, number> | undefined>): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const http = new Counter({ name: 'comuna_http_responses_total', help: 'HTTP responses by status, refusals included', labelNames: ['status'] as const, registers: [registry] });
  const requests = new Counter({ name: 'comuna_requests_total', help: 'GraphQL operations by name and outcome (ok, error)', labelNames: ['operation', 'outcome'] as const, registers: [registry] });
  const duration = new Histogram({
    name: 'comuna_request_duration_seconds',
    help: 'GraphQL request latency by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({ name: 'comuna_errors_total', help: 'GraphQL errors by operation and code', labelNames: ['operation', 'code'] as const, registers: [registry] });
  const subgraphCalls = new Counter({ name: 'comuna_subgraph_calls_total', help: 'Gateway calls to subgraphs by outcome (ok, error, unavailable; shared: joined an identical call in flight; ahead_used, ahead_wasted: sent ahead of its plan step, then used or not)', labelNames: ['subgraph', 'outcome'] as const, registers: [registry] });
  const subgraphDuration = new Histogram({
    name: 'comuna_subgraph_call_duration_seconds',
    help: 'Gateway call latency per subgraph, retries included',
    labelNames: ['subgraph'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pool = new Gauge({
    name: 'comuna_db_pool_connections',
    help: 'Database pool connections by state (total, idle, waiting); PostgreSQL only',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const usage = await poolUsage?.().catch(() => undefined);
      for (const [state, value] of Object.entries(usage ?? {})) this.set({ state }, value);
    },
  });
  return {
    registry,
    http,
    requests,
    duration,
    errors,
    subgraphCalls,
    subgraphDuration,
    pool,
    route(path, _req, res) {
      if (path !== '/metrics') return false;
      void registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(text);
      });
      return true;
    },
    record(event) {
      http.inc({ status: String(event.status) });
    },
  };
}

/**
 * Operation names are chosen by clients: a label is kept only for the first names seen (bounded in length too),
 * so a client sending endless distinct names cannot grow the metrics without bound.
 */
export function operationLabeler(max = 200): (name: unknown) => string {
  const seen = new Set<string>();
  return (name) => {
    if (typeof name !== 'string' || !/^[A-Za-z_]\w{0,63}$/.test(name)) return 'anonymous';
    if (seen.has(name)) return name;
    if (seen.size >= max) return 'other';
    seen.add(name);
    return name;
  };
}

/** Counts, times and logs one GraphQL operation: the plugin's record, also kept for answers served before Apollo. */
export interface OperationRecorder {
  /** The bounded label of a client's operation name. */
  label: (name: unknown) => string;
  record(reqId: string, operation: string, seconds: number, codes?: string[]): void;
}

export function operationRecorder(metrics: ServiceMetrics, logger: Logger): OperationRecorder {
  return {
    label: operationLabeler(),
    record(reqId, operation, seconds, codes = []) {
      metrics.requests.inc({ operation, outcome: codes.length ? 'error' : 'ok' });
      metrics.duration.observe({ operation }, seconds);
      for (const code of codes) metrics.errors.inc({ operation, code });
      const line = { reqId, operation, ms: Math.round(seconds * 1000), ...(codes.length ? { errors: codes } : {}) };
      if (codes.includes('INTERNAL_SERVER_ERROR')) logger.error(line, 'graphql operation failed');
      else logger.info(line, 'graphql operation');
    },
  };
}

/** Metrics and one log line per GraphQL operation, tagged with the request id the gateway created. */
export function observabilityPlugin<C extends BaseContext & { requestId: string }>(recorder: OperationRecorder): ApolloServerPlugin<C> {
  const { label } = recorder;
  return {
    async requestDidStart({ contextValue, request }) {
      const started = performance.now();
      // The name the client gave, so refusals before an operation is resolved (validation) are counted under it too.
      let operation = label(request.operationName ?? /^\s*(?:query|mutation)\s+(\w+)/.exec(request.query ?? '')?.[1]);
      const codes: string[] = [];
      return {
        async didResolveOperation({ operationName }) {
          operation = label(operationName);
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) codes.push(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        },
        async willSendResponse() {
          recorder.record(contextValue.requestId, operation, (performance.now() - started) / 1000, codes);
        },
      };
    },
  };
}

/**
 * A gauge read when /metrics is scraped, for values another part of the service owns (the gateway's cache sizes):
 * `read` answers one value per label value.
 */
export function scrapedGauge(metrics: ServiceMetrics, name: string, help: string, label: string, read: () => Record<string, number>): void {
  new Gauge({
    name,
    help,
    labelNames: [label],
    registers: [metrics.registry],
    collect() {
      for (const [value, number] of Object.entries(read())) this.set({ [label]: value }, number);
    },
  });
}
