import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One span as an OTLP/HTTP JSON export carries it, with the service that sent it and attributes flattened. */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  status?: { code?: number };
}

export interface OtlpReceiver {
  /** Base URL to give as OTEL_EXPORTER_OTLP_ENDPOINT. */
  url: string;
  spans: ReceivedSpan[];
  /** Every request the receiver got, whatever its path (to prove nothing at all was sent). */
  requests: number;
  close(): Promise<void>;
}

type AnyValue = { stringValue?: string; intValue?: number | string; doubleValue?: number; boolValue?: boolean; arrayValue?: { values?: AnyValue[] } };

const valueOf = (value: AnyValue | undefined): unknown =>
  value?.arrayValue ? (value.arrayValue.values ?? []).map(valueOf) : (value?.stringValue ?? value?.intValue ?? value?.doubleValue ?? value?.boolValue);

const flatten = (attributes: { key: string; value: AnyValue }[] = []) => Object.fromEntries(attributes.map((a) => [a.key, valueOf(a.value)]));

/** A minimal OTLP/HTTP trace receiver on a free loopback port, accepting the JSON encoding. */
export async function otlpReceiver(): Promise<OtlpReceiver> {
  const received: OtlpReceiver = { url: '', spans: [], requests: 0, close: async () => {} };
  const server: Server = createServer(async (req, res) => {
    received.requests++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.url !== '/v1/traces' || !String(req.headers['content-type']).includes('json')) {
      res.writeHead(415).end();
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    for (const resourceSpans of body.resourceSpans ?? []) {
      const service = String(flatten(resourceSpans.resource?.attributes)['service.name']);
      for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
        for (const span of scopeSpans.spans ?? []) {
          received.spans.push({ service, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId || undefined, name: span.name, kind: span.kind, attributes: flatten(span.attributes), status: span.status });
        }
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  received.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  received.close = () => new Promise((resolve) => server.close(() => resolve()));
  return received;
}
