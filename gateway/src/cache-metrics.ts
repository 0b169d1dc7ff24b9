import { scrapedGauge, type ServiceMetrics } from '@comuna/subgraph-kit/observability';

/**
 * The gateway's caches on /metrics: entries and approximate bytes each holds, read when scraped, so an operator
 * (and the soak) can see a cache reach its bound and stay there instead of memory growing without an explanation.
 */
export function registerCacheMetrics(metrics: ServiceMetrics, caches: Record<string, { stats?(): { entries: number; bytes: number } } | undefined>): void {
  const read = (pick: 'entries' | 'bytes') => () => {
    const values: Record<string, number> = {};
    for (const [cache, store] of Object.entries(caches)) {
      const stats = store?.stats?.();
      if (stats) values[cache] = stats[pick];
    }
    return values;
  };
  scrapedGauge(metrics, 'comuna_gateway_cache_entries', 'Entries held by each gateway cache (query plans, parsed documents, persisted queries, responses, calls sent ahead)', 'cache', read('entries'));
  scrapedGauge(metrics, 'comuna_gateway_cache_bytes', 'Approximate bytes held by each gateway cache, as its bound counts them', 'cache', read('bytes'));
}
