import type { IncomingMessage } from 'node:http';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import type { DatabaseKind } from './database.js';
import { statementText, statementVerb } from './statement-text.js';
import type { Tracing } from './tracing.js';
import type { TracingSettings } from './tracing-config.js';

export interface TracingOptions {
  /** Continue a `traceparent` sent by the caller (subgraphs: only the gateway calls them). The gateway starts its own. */
  continueIncoming?: boolean;
  /** Replaces the OTLP exporter (tests). */
  exporter?: SpanExporter;
}

/** Loaded only when tracing is on (see `startTracing`). */
export function createTracing(settings: TracingSettings, options: TracingOptions = {}): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    // Batched: a request never waits for the exporter; spans that cannot be delivered are dropped, not retried forever.
    spanProcessors: [new BatchSpanProcessor(options.exporter ?? new OTLPTraceExporter({ url: settings.url }))],
  });
  // The AsyncLocalStorage context manager (so a statement finds its request's span) and the W3C propagator.
  provider.register();
  const tracer = provider.getTracer('@comuna/subgraph-kit');

  return {
    serverSpan(req, run) {
      const parent = options.continueIncoming ? propagation.extract(ROOT_CONTEXT, req.headers) : ROOT_CONTEXT;
      const path = (req.url ?? '/').split('?')[0]!;
      const span = tracer.startSpan(`${req.method ?? 'GET'} ${path}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': path } }, parent);
      return context.with(trace.setSpan(parent, span), async () => {
        try {
          return await run();
        } catch (error) {
          fail(span, error);
          throw error;
        } finally {
          span.end();
        }
      });
    },

    plugin: {
      async requestDidStart() {
        // Taken now: during execution other spans (the gateway's own) may be the active one.
        const span = trace.getActiveSpan();
        if (!span?.isRecording()) return;
        return {
          async didResolveOperation({ operation, operationName }) {
            const type = operation?.operation ?? 'query';
            span.updateName(`${type} ${operationName ?? 'anonymous'}`);
            span.setAttribute('graphql.operation.type', type);
            if (operationName) span.setAttribute('graphql.operation.name', operationName);
          },
          async didEncounterErrors({ errors }) {
            // Codes only: messages can quote the values a client sent.
            const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
            span.setAttribute('graphql.error.codes', codes);
            span.setStatus({ code: SpanStatusCode.ERROR });
          },
        };
      },
    },

    statement(kind: DatabaseKind, sql: string, tookMs: number | undefined, failed: boolean) {
      // Statements outside a request (migrations, seeding at boot) would each start a trace of their own.
      if (!trace.getActiveSpan()?.isRecording()) return;
      const end = Date.now();
      const span = tracer.startSpan(statementVerb(sql), {
        kind: SpanKind.CLIENT,
        startTime: end - (tookMs ?? 0),
        attributes: { 'db.system': kind, 'db.system.name': kind, 'db.query.text': statementText(sql) },
      });
      if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end(end);
    },

    clientSpan(name, attributes, run, statusOf) {
      return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
        const traceHeaders: Record<string, string> = {};
        propagation.inject(context.active(), traceHeaders);
        try {
          const result = await run(traceHeaders);
          const status = statusOf?.(result);
          if (status !== undefined) {
            span.setAttribute('http.response.status_code', status);
            if (status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
          }
          return result;
        } catch (error) {
          fail(span, error);
          throw error;
        } finally {
          span.end();
        }
      });
    },

    async flush() {
      await provider.forceFlush();
    },

    async shutdown() {
      await provider.shutdown();
    },
  };
}

/** Marks a span failed with the error's kind or code, never its message (it may quote a value). */
function fail(span: Span, error: unknown): void {
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  span.setAttribute('error.type', typeof code === 'string' ? code : ((error as Error)?.name ?? 'Error'));
  span.setStatus({ code: SpanStatusCode.ERROR });
}
