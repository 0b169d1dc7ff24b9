import { createHash } from 'node:crypto';
import { createMetrics } from '@comuna/subgraph-kit/observability';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './server.js';

// Subgraphs on a port nobody answers: planning, parsing and APQ happen before any call, and fail fast after.
const unreachable = Object.fromEntries(['TERRITORY', 'GOVERNANCE', 'PRODUCTION', 'BUDGET'].map((n) => [`${n}_URL`, 'http://127.0.0.1:9/graphql']));
const base = { CONTEXT_SECRET: 's'.repeat(32), SUBGRAPH_RETRIES: '0', ...unreachable };

const cacheValue = (text: string, cache: string) => Number(new RegExp(`comuna_gateway_cache_entries\\{cache="${cache}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? NaN);

// Starting a gateway over the whole supergraph and planning twenty operations is slow on a busy machine.
describe('gateway cache bounds', { timeout: 60_000 }, () => {
  it('hold the query-plan, document and persisted-query caches at the configured entries however many distinct operations arrive', async () => {
    const metrics = createMetrics('gateway');
    const apollo = createGateway(loadGatewayConfig({ ...base, QUERY_PLAN_CACHE_ENTRIES: '5', DOCUMENT_CACHE_ENTRIES: '7', APQ_CACHE_ENTRIES: '3' }), metrics);
    await apollo.start();
    try {
      for (let i = 0; i < 20; i++) {
        const query = `query Distinct${i} { commune(id: "commune:${i}") { name } }`;
        const sha256Hash = createHash('sha256').update(query).digest('hex');
        await apollo.executeOperation({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
      }
      const text = await metrics.registry.metrics();
      expect(cacheValue(text, 'queryPlans')).toBe(5);
      expect(cacheValue(text, 'documents')).toBe(7);
      expect(cacheValue(text, 'persistedQueries')).toBe(3);
    } finally {
      await apollo.stop();
    }
  });

  it('turns automatic persisted queries off with APQ_CACHE_ENTRIES=0', async () => {
    const apollo = createGateway(loadGatewayConfig({ ...base, APQ_CACHE_ENTRIES: '0' }));
    await apollo.start();
    try {
      const result = await apollo.executeOperation({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update('{ __typename }').digest('hex') } } });
      expect(result.body.kind === 'single' && result.body.singleResult.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    } finally {
      await apollo.stop();
    }
  });
});
