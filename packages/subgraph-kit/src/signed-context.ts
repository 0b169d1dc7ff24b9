import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { actorFrom, anonymous, parseGrants, type Actor } from './actor.js';

/**
 * The gateway forwards the identity it verified to the subgraphs as a signed context: the HMAC covers the
 * identity, a timestamp and a hash of the exact request body, so a forwarded header cannot be forged, replayed
 * later, or reused for another query or other variables. Subgraphs accept nothing unsigned (`_entities` and
 * `_service` included), since anything reachable on a subgraph bypasses the gateway otherwise.
 */
export const CONTEXT_HEADER = 'x-comuna-context';
export const SIGNATURE_HEADER = 'x-comuna-signature';
export const TIMESTAMP_HEADER = 'x-comuna-timestamp';

/** Signatures older (or further in the future) than this are refused. */
export const MAX_CONTEXT_AGE_MS = 30_000;

export class ContextRejected extends Error {}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function mac(secret: string, timestamp: string, context: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${context}\n${sha256(body)}`).digest('base64url');
}

/** The identity as the header carries it, with the client's idempotency key when it sent one (signed with it). */
export function encodeActor(actor: Actor, idempotencyKey?: string): string {
  return Buffer.from(JSON.stringify({ sub: actor.subject, grants: actor.grants, ...(idempotencyKey ? { idem: idempotencyKey } : {}) }), 'utf8').toString('base64url');
}

/** Headers for one subgraph request: the context header must already be set; the body is the exact bytes sent. */
export function signRequest(secret: string, context: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(now);
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: mac(secret, timestamp, context, body) };
}

/** The context header of a correctly signed, fresh request; throws ContextRejected with the reason otherwise. */
function signedContext(secret: string, headers: Record<string, string | string[] | undefined>, body: string, now: number, maxAgeMs: number): string {
  const context = headers[CONTEXT_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  const timestamp = headers[TIMESTAMP_HEADER];
  if (typeof context !== 'string' || typeof signature !== 'string' || typeof timestamp !== 'string') {
    throw new ContextRejected('missing signed context: subgraphs answer only the gateway');
  }
  const at = Number(timestamp);
  if (!Number.isSafeInteger(at) || Math.abs(now - at) > maxAgeMs) throw new ContextRejected('stale signed context');
  const expected = Buffer.from(mac(secret, timestamp, context, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new ContextRejected('bad signature');
  return context;
}

/** Checks a subgraph request's signature and returns the identity it carries; throws ContextRejected with the reason. */
export function verifyRequest(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now = Date.now(),
  maxAgeMs = MAX_CONTEXT_AGE_MS,
): Actor {
  const context = signedContext(secret, headers, body, now, maxAgeMs);
  try {
    const claims = JSON.parse(Buffer.from(context, 'base64url').toString('utf8')) as { sub?: unknown; grants?: unknown };
    if (claims.sub === null || claims.sub === undefined) return anonymous;
    if (typeof claims.sub !== 'string') throw new Error('sub');
    return actorFrom(claims.sub, parseGrants(claims.grants));
  } catch {
    throw new ContextRejected('malformed signed context');
  }
}

/**
 * The context of an internal call (gateway to subgraph, outside the graph): the route's name instead of an
 * identity. It can never be mistaken for an encoded identity (base64url JSON), so a signed GraphQL request cannot
 * be replayed to an internal route, nor an internal call to /graphql.
 */
const internalContext = (route: string) => `internal:${route}`;

/** Headers for an internal call to `route`; `query` is the exact query string sent (with its `?`). */
export function signInternal(secret: string, route: string, query: string, now = Date.now()): Record<string, string> {
  const context = internalContext(route);
  return { [CONTEXT_HEADER]: context, ...signRequest(secret, context, query, now) };
}

/** Checks that an internal call was signed for this route, now, over this exact query string. */
export function verifyInternal(secret: string, route: string, headers: Record<string, string | string[] | undefined>, query: string, now = Date.now(), maxAgeMs = MAX_CONTEXT_AGE_MS): void {
  if (signedContext(secret, headers, query, now, maxAgeMs) !== internalContext(route)) throw new ContextRejected(`not signed for the internal route ${route}`);
}
