import { context, propagation } from '@opentelemetry/api';

/**
 * The W3C trace headers (`traceparent`) of the current request, for a call a subgraph makes to another service,
 * so the callee's spans join the same trace. Empty when tracing is off: the API alone, with no SDK registered,
 * propagates nothing.
 */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}
