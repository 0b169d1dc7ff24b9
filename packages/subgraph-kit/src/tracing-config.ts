import { z } from 'zod';

/**
 * The standard OpenTelemetry variables this project reads. Tracing is off unless `OTEL_TRACES_EXPORTER=otlp` is
 * set (the OpenTelemetry default would be on, towards localhost:4318; here nothing is sent unless asked), and then
 * an endpoint is required: there is no default address an exporter could reach.
 */
export const tracingConfigShape = {
  /** `true` turns tracing off whatever else is set (the OpenTelemetry convention). */
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).default('false'),
  /** `otlp` sends traces to the OTLP/HTTP endpoint below; `none` (the default) loads no tracing code at all. */
  OTEL_TRACES_EXPORTER: z.enum(['none', 'otlp']).default('none'),
  /** Base URL of an OTLP/HTTP receiver (a Collector, Jaeger, Tempo…); traces go to `<endpoint>/v1/traces`. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** Full URL for traces, used as given; takes precedence over OTEL_EXPORTER_OTLP_ENDPOINT. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** Only `http/json` is shipped (one small exporter); receivers that speak OTLP/HTTP accept it. */
  OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(['http/json']).optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: z.enum(['http/json']).optional(),
  /** Overrides the service name spans are reported under (default: the subgraph's name, or `gateway`). */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
};

export type TracingConfig = z.infer<z.ZodObject<typeof tracingConfigShape>>;

/** What a process needs to start tracing; absent when tracing is off. */
export interface TracingSettings {
  serviceName: string;
  /** Where spans are posted (OTLP/HTTP, JSON). */
  url: string;
}

/** Settings that are wrong together, reported the same way as the other configuration problems. */
export function tracingProblems(config: Partial<TracingConfig>): string[] {
  if (config.OTEL_TRACES_EXPORTER !== 'otlp' || config.OTEL_SDK_DISABLED === 'true') return [];
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || config.OTEL_EXPORTER_OTLP_ENDPOINT) return [];
  return ['  OTEL_EXPORTER_OTLP_ENDPOINT: is required when OTEL_TRACES_EXPORTER=otlp (e.g. http://127.0.0.1:4318)'];
}

/** Resolves the variables into settings, or undefined when tracing is off. */
export function tracingSettings(config: Partial<TracingConfig>, defaultServiceName: string): TracingSettings | undefined {
  if (config.OTEL_TRACES_EXPORTER !== 'otlp' || config.OTEL_SDK_DISABLED === 'true') return undefined;
  const url = config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (config.OTEL_EXPORTER_OTLP_ENDPOINT ? `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces` : undefined);
  if (!url) throw new Error(`Invalid configuration:\n${tracingProblems(config).join('\n')}`);
  return { serviceName: config.OTEL_SERVICE_NAME ?? defaultServiceName, url };
}
