import { describe, expect, it } from 'vitest';
import { parseConfig, subgraphConfigSchema } from './config.js';
import { tracingSettings } from './tracing-config.js';

const base = { PORT: '4001', DATABASE_URL: 'sqlite::memory:', TRUST_MODE: 'open' };

describe('tracing configuration', () => {
  it('is off unless OTEL_TRACES_EXPORTER=otlp, even with an endpoint set', () => {
    expect(tracingSettings(parseConfig(subgraphConfigSchema, base), 'territory')).toBeUndefined();
    expect(tracingSettings(parseConfig(subgraphConfigSchema, { ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }), 'territory')).toBeUndefined();
    const disabled = parseConfig(subgraphConfigSchema, { ...base, OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' });
    expect(tracingSettings(disabled, 'territory')).toBeUndefined();
  });

  it('posts to <endpoint>/v1/traces, or to the traces endpoint as given, under the service name', () => {
    const on = parseConfig(subgraphConfigSchema, { ...base, OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318/' });
    expect(tracingSettings(on, 'territory')).toEqual({ serviceName: 'territory', url: 'http://127.0.0.1:4318/v1/traces' });
    const exact = parseConfig(subgraphConfigSchema, { ...base, OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:9999/traces', OTEL_SERVICE_NAME: 'territory-a' });
    expect(tracingSettings(exact, 'territory')).toEqual({ serviceName: 'territory-a', url: 'http://127.0.0.1:9999/traces' });
  });

  it('refuses otlp without an endpoint, a protocol it does not ship, and a non-http endpoint, naming the variable', () => {
    expect(() => parseConfig(subgraphConfigSchema, { ...base, OTEL_TRACES_EXPORTER: 'otlp' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT: is required/);
    expect(() => parseConfig(subgraphConfigSchema, { ...base, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL/);
    expect(() => parseConfig(subgraphConfigSchema, { ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://x' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
    expect(() => parseConfig(subgraphConfigSchema, { ...base, OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/OTEL_TRACES_EXPORTER/);
  });
});
