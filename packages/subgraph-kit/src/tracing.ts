import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DatabaseKind } from './database.js';
import type { TracingOptions } from './tracing-sdk.js';
import type { TracingSettings } from './tracing-config.js';

/**
 * OpenTelemetry tracing of one process, when it is on. Spans carry names, kinds, durations, operation names and
 * types, error codes and SQL with placeholders only: never variables, parameter values, documents or messages.
 */
export interface Tracing {
  /** Runs the handling of one HTTP request inside a server span that continues the caller's W3C `traceparent`. */
  serverSpan<T>(req: IncomingMessage, run: () => Promise<T>): Promise<T>;
  /** Names the request's span after its GraphQL operation and marks it failed with the errors' codes. */
  plugin: ApolloServerPlugin<BaseContext>;
  /** One SQL statement that has just finished, `tookMs` long, as a child of the current span. */
  statement(kind: DatabaseKind, sql: string, tookMs: number | undefined, failed: boolean): void;
  /** Runs a call to another service in a client span; `traceHeaders` holds the `traceparent` to send with it. */
  clientSpan<T>(name: string, attributes: Record<string, string>, run: (traceHeaders: Record<string, string>) => Promise<T>, statusOf?: (result: T) => number): Promise<T>;
  /** Sends what is buffered now. */
  flush(): Promise<void>;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

/**
 * Starts tracing when the settings say so. The SDK is imported only then: a process with tracing off loads no
 * OpenTelemetry SDK code and pays nothing per request.
 */
export async function startTracing(settings: TracingSettings | undefined, options?: TracingOptions): Promise<Tracing | undefined> {
  if (!settings) return undefined;
  const { createTracing } = await import('./tracing-sdk.js');
  return createTracing(settings, options);
}

export * from './tracing-config.js';
export * from './trace-headers.js';
