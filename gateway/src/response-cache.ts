import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import { print, type DocumentNode, type FormattedExecutionResult } from 'graphql';
import { anonymousRequestKey } from './anonymous-read.js';
import { keepAnswer } from './answer-text.js';
import { Lru } from './lru.js';
import type { GatewayContext } from './server.js';

export interface ResponseCacheOptions {
  /** How long a stored answer is served; with several gateway replicas, also the bound on staleness after a write. */
  ttlMs: number;
  maxEntries: number;
  maxBytes: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
  /** Labels an operation name for metrics and logs (the gateway's operation recorder), kept with a stored answer. */
  label?: (name: unknown) => string;
}

/** Header telling a client (and a test) whether its answer came from the cache. */
export const CACHE_HEADER = 'x-cache';

/** An answer as it went to the client: what the fast path sends again without Apollo. */
export interface StoredAnswer {
  status: number;
  headers: [string, string][];
  body: string;
}

/** What the plugin learnt of a request whose answer may be kept: the operation's label for metrics and logs. */
interface Storable {
  operation: string;
}

/**
 * Caches whole answers to public reads: anonymous callers only (no Authorization header, no identity, no
 * idempotency key), query operations only, answers without errors only, keyed by the normalized document, the
 * operation name and the variables. Every mutation executed through this gateway empties it, at its start and
 * at its end, and a read that was running meanwhile does not store its answer (it may have read the data before
 * the write). Subgraphs accept only signed calls from the gateway, so the gateway sees every write; with several
 * gateway replicas a write through one does not empty the others' caches, and a read there is stale for at most
 * the TTL. Checks that run before execution (rate limit, validation limits, trusted documents) still apply to hits.
 *
 * Two levels, emptied together and each given half of `maxBytes`: the plugin's, by normalized operation, answers
 * inside Apollo's pipeline; in front of it, `lookup` answers a request whose exact text (body and Accept header)
 * was answered before with the bytes that went out then, without parsing, planning or serializing anything (on
 * the national roll-up, Apollo's pipeline and the serialization of a 52 KB answer were most of a cached hit's
 * cost). Only a request that passed Apollo's checks once is stored, and the same text meets the same checks (the
 * limits and the trusted documents depend on the text alone; the rate limit runs before the lookup).
 */
export class ResponseCache {
  private readonly results: Lru<FormattedExecutionResult>;
  private readonly answers: Lru<StoredAnswer & Storable>;
  private readonly storable = new WeakMap<IncomingMessage, Storable>();
  private readonly normalized = new WeakMap<DocumentNode, string>();
  // Raised by every mutation's start and end: a read stores its answer only if none happened while it ran.
  private writes = 0;

  constructor(private readonly options: ResponseCacheOptions) {
    const bounds = { maxEntries: options.maxEntries, maxBytes: options.maxBytes / 2, ttlMs: options.ttlMs, now: options.now };
    this.results = new Lru({ ...bounds, sizeOf: (result, key) => key.length + JSON.stringify(result).length });
    this.answers = new Lru({ ...bounds, sizeOf: (answer, key) => key.length + answer.body.length });
  }

  /** Entries and bytes of both levels (metrics). */
  get size(): number {
    return this.results.size + this.answers.size;
  }

  get bytes(): number {
    return this.results.bytes + this.answers.bytes;
  }

  private invalidate(): void {
    this.writes++;
    this.results.clear();
    this.answers.clear();
  }

  /**
   * The answer stored for exactly this request (a POST of JSON from an anonymous caller), with `x-cache: HIT`,
   * and the operation's label; undefined when the request must go through Apollo.
   */
  lookup(req: IncomingMessage, raw: string): (StoredAnswer & Storable) | undefined {
    const key = anonymousRequestKey(req, raw);
    const stored = key === undefined ? undefined : this.answers.get(key);
    if (!stored) return undefined;
    return { ...stored, headers: [...stored.headers.filter(([name]) => name !== CACHE_HEADER), [CACHE_HEADER, 'HIT']] };
  }

  /** Every answer Apollo produced for a POST is offered here; only those the plugin marked storable are kept. */
  offer(req: IncomingMessage, raw: string, answer: StoredAnswer): void {
    const storable = this.storable.get(req);
    const key = storable && answer.status === 200 ? anonymousRequestKey(req, raw) : undefined;
    if (key !== undefined) this.answers.set(key, { ...answer, operation: storable!.operation });
  }

  /** The Apollo plugin: the normalized level, invalidation by mutations, and what marks an answer storable. */
  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async ({ request, contextValue }) => {
        const anonymous = contextValue.actor.subject === null && contextValue.actor.grants.length === 0 && !contextValue.idempotencyKey && !request.http?.headers.get('authorization');
        const writesAtStart = this.writes;
        let key: string | undefined;
        let hit = false;
        const markStorable = (operationName: string | null | undefined) => {
          if (contextValue.httpRequest && this.writes === writesAtStart) this.storable.set(contextValue.httpRequest, { operation: this.options.label?.(operationName) ?? 'anonymous' });
        };
        return {
          responseForOperation: async (requestContext) => {
            if (!anonymous || requestContext.operation?.operation !== 'query') return null;
            key = cacheKey(requestContext, this.normalized);
            const stored = this.results.get(key);
            if (!stored) return null;
            hit = true;
            markStorable(requestContext.operationName);
            return { http: { status: undefined, headers: new HeaderMap([[CACHE_HEADER, 'HIT']]) }, body: { kind: 'single', singleResult: stored } };
          },
          executionDidStart: async (requestContext) => {
            if (requestContext.operation?.operation === 'mutation') this.invalidate();
          },
          willSendResponse: async (requestContext) => {
            if (requestContext.operation?.operation === 'mutation') return this.invalidate();
            if (!key || hit) return;
            requestContext.response.http.headers.set(CACHE_HEADER, 'MISS');
            const { body } = requestContext.response;
            if (body.kind !== 'single' || body.singleResult.errors?.length || this.writes !== writesAtStart) return;
            if (requestContext.response.http.status !== undefined && requestContext.response.http.status !== 200) return;
            // Kept to answer later requests: its text must not empty it (answer-text.ts).
            if (body.singleResult.data) keepAnswer(body.singleResult.data);
            this.results.set(key, body.singleResult);
            markStorable(requestContext.operationName);
          },
        };
      },
    };
  }
}

/** The Apollo plugin of a new response cache (tests that need only the normalized level). */
export function responseCachePlugin(options: ResponseCacheOptions): ApolloServerPlugin<GatewayContext> {
  return new ResponseCache(options).plugin();
}

function cacheKey(requestContext: GraphQLRequestContext<GatewayContext>, normalized: WeakMap<DocumentNode, string>): string {
  const document = requestContext.document!;
  let text = normalized.get(document);
  if (text === undefined) {
    // Apollo Server hands the same parsed document for the same query text, so printing happens once per document.
    text = print(document);
    normalized.set(document, text);
  }
  const variables = stableJson(requestContext.request.variables ?? {});
  return createHash('sha256').update(text).update('\0').update(requestContext.operationName ?? '').update('\0').update(variables).digest('base64url');
}

/** JSON with object keys sorted, so the same variables in another order give the same key. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
