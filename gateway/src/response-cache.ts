import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import { print, type DocumentNode, type FormattedExecutionResult } from 'graphql';
import { Lru } from './lru.js';
import type { GatewayContext } from './server.js';

export interface ResponseCacheOptions {
  /** How long a stored answer is served; with several gateway replicas, also the bound on staleness after a write. */
  ttlMs: number;
  maxEntries: number;
  maxBytes: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

/** Header telling a client (and a test) whether its answer came from the cache. */
export const CACHE_HEADER = 'x-cache';

/**
 * Caches whole answers to public reads: anonymous callers only (no Authorization header, no identity, no
 * idempotency key), query operations only, answers without errors only, keyed by the normalized document, the
 * operation name and the variables. Every mutation executed through this gateway empties it, at its start and
 * at its end, and a read that was running meanwhile does not store its answer (it may have read the data before
 * the write). Subgraphs accept only signed calls from the gateway, so the gateway sees every write; with several
 * gateway replicas a write through one does not empty the others' caches, and a read there is stale for at most
 * the TTL. Checks that run before execution (rate limit, validation limits, trusted documents) still apply to hits.
 */
export function responseCachePlugin(options: ResponseCacheOptions): ApolloServerPlugin<GatewayContext> {
  const cache = new Lru<FormattedExecutionResult>({
    maxEntries: options.maxEntries,
    maxBytes: options.maxBytes,
    ttlMs: options.ttlMs,
    now: options.now,
    sizeOf: (result, key) => key.length + JSON.stringify(result).length,
  });
  const normalized = new WeakMap<DocumentNode, string>();
  // Raised by every mutation's start and end: a read stores its answer only if none happened while it ran.
  let writes = 0;
  const invalidate = () => {
    writes++;
    cache.clear();
  };

  return {
    async requestDidStart({ request, contextValue }) {
      const anonymous = contextValue.actor.subject === null && contextValue.actor.grants.length === 0 && !contextValue.idempotencyKey && !request.http?.headers.get('authorization');
      const writesAtStart = writes;
      let key: string | undefined;
      let hit = false;
      return {
        async responseForOperation(requestContext) {
          if (!anonymous || requestContext.operation?.operation !== 'query') return null;
          key = cacheKey(requestContext, normalized);
          const stored = cache.get(key);
          if (!stored) return null;
          hit = true;
          return { http: { status: undefined, headers: new HeaderMap([[CACHE_HEADER, 'HIT']]) }, body: { kind: 'single', singleResult: stored } };
        },
        async executionDidStart(requestContext) {
          if (requestContext.operation?.operation === 'mutation') invalidate();
        },
        async willSendResponse(requestContext) {
          if (requestContext.operation?.operation === 'mutation') return invalidate();
          if (!key || hit) return;
          requestContext.response.http.headers.set(CACHE_HEADER, 'MISS');
          const { body } = requestContext.response;
          if (body.kind !== 'single' || body.singleResult.errors?.length || writes !== writesAtStart) return;
          if (requestContext.response.http.status !== undefined && requestContext.response.http.status !== 200) return;
          cache.set(key, body.singleResult);
        },
      };
    },
  };
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
