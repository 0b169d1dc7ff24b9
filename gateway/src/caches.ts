// The gateway's in-memory caches and their bounds, in one place so the memory they may take is read at a glance.
// Shared file: helper "gwperf" created it for the query-plan and document caches; helper "otel" (bounding caches
// for memory) extends it here rather than adding another place that sizes a cache.
import type { DocumentNode } from 'graphql';
import { Lru } from './lru.js';
import type { GatewayConfig } from './config.js';

/** The cache interface @apollo/gateway and @apollo/server accept (@apollo/utils.keyvaluecache's, plus clear). */
export interface KeyValueStore<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V): Promise<void>;
  delete(key: string): Promise<boolean>;
  clear(): void;
  /** What the store holds now (for the gateway's /metrics). */
  stats?(): { entries: number; bytes: number };
}

const MIB = 2 ** 20;

/** Size as @apollo/gateway measures its own default store: the JSON length, paid once per miss only. */
const jsonSize = (value: unknown, key: string) => key.length + (JSON.stringify(value)?.length ?? 0);

function store<V>(maxEntries: number, maxBytes: number, sizeOf: (value: V, key: string) => number): KeyValueStore<V> {
  const lru = new Lru<V>({ maxEntries, maxBytes, sizeOf });
  return {
    get: async (key) => lru.get(key),
    set: async (key, value) => void lru.set(key, value),
    delete: async (key) => lru.delete(key),
    clear: () => lru.clear(),
    stats: () => ({ entries: lru.size, bytes: lru.bytes }),
  };
}

/**
 * Query plans by operation (@apollo/gateway's `queryPlannerConfig.cache`; its default is 30 MiB). A plan is
 * computed once per distinct operation, so the bound only matters when clients send many distinct documents.
 */
export function queryPlanCache(config: Pick<GatewayConfig, 'QUERY_PLAN_CACHE_ENTRIES' | 'QUERY_PLAN_CACHE_MB'>): KeyValueStore<unknown> {
  return store(config.QUERY_PLAN_CACHE_ENTRIES, config.QUERY_PLAN_CACHE_MB * MIB, jsonSize);
}

/**
 * Parsed and validated documents by query hash (Apollo Server's `documentStore`; its default is 30 MiB): a hit
 * skips parsing and every validation rule, graphql-armor's limits included.
 */
export function documentStore(config: Pick<GatewayConfig, 'DOCUMENT_CACHE_ENTRIES' | 'DOCUMENT_CACHE_MB'>): KeyValueStore<DocumentNode> {
  // The AST's JSON without locations is close to its size in memory; the source length would undercount it.
  return store<DocumentNode>(config.DOCUMENT_CACHE_ENTRIES, config.DOCUMENT_CACHE_MB * MIB, (document, key) => key.length + JSON.stringify(document, (k, v) => (k === 'loc' ? undefined : v)).length);
}

/**
 * Automatic persisted queries by hash (Apollo Server's `persistedQueries.cache`; by default it shares the server's
 * 30 MiB cache). Clients choose the hashes, so distinct texts are bounded by the client, not by us: entries and
 * bytes are capped here. `APQ_CACHE_ENTRIES=0` turns automatic persisted queries off.
 */
export function apqCache(config: Pick<GatewayConfig, 'APQ_CACHE_ENTRIES' | 'APQ_CACHE_MB'>): KeyValueStore<string> | undefined {
  if (config.APQ_CACHE_ENTRIES === 0) return undefined;
  // A query text is held as a string: its length is its size (one byte a character for the ASCII of GraphQL).
  return store<string>(config.APQ_CACHE_ENTRIES, config.APQ_CACHE_MB * MIB, (text, key) => key.length + text.length);
}
