import type { IncomingMessage } from 'node:http';

/**
 * The key under which an anonymous POST of JSON can share or reuse an answer: its Accept header (another one may be
 * answered in another format) and its exact body. Undefined for anything else: a caller with an Authorization
 * header or an idempotency key (the only ways this gateway learns who is asking), a GET, another content type.
 */
export function anonymousRequestKey(req: IncomingMessage, raw: string): string | undefined {
  const { headers } = req;
  if (req.method !== 'POST' || headers.authorization !== undefined || headers['idempotency-key'] !== undefined) return undefined;
  if (!String(headers['content-type'] ?? '').includes('application/json')) return undefined;
  return `${headers.accept ?? ''}\n${raw}`;
}

/** The operation name a request body gives, without parsing it (for the metrics and logs of answers not executed). */
export function operationNameOf(raw: string): string | undefined {
  return /"operationName"\s*:\s*"(\w+)"/.exec(raw)?.[1] ?? /"query"\s*:\s*"\s*query\s+(\w+)/.exec(raw)?.[1];
}
