import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config.js';

const secret = { CONTEXT_SECRET: 's'.repeat(32) };

describe('gateway configuration', () => {
  it('defaults to the local subgraphs of schema/subgraphs.json and port 4000', () => {
    const config = loadGatewayConfig(secret);
    expect(config.PORT).toBe(4000);
    expect(config.subgraphUrls.territory).toBe('http://127.0.0.1:4001/graphql');
    expect(config.introspection).toBe(true);
  });

  it('takes subgraph URLs from <NAME>_URL and refuses non-URLs', () => {
    expect(loadGatewayConfig({ ...secret, TERRITORY_URL: 'http://territory:8080/graphql' }).subgraphUrls.territory).toBe('http://territory:8080/graphql');
    expect(() => loadGatewayConfig({ ...secret, TERRITORY_URL: 'territory' })).toThrow(/TERRITORY_URL/);
    expect(() => loadGatewayConfig({ ...secret, PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('turns introspection off in production unless enabled', () => {
    const production = { ...secret, NODE_ENV: 'production', JWT_ISSUER: 'https://id.example', JWT_JWKS_URL: 'https://id.example/jwks' };
    expect(loadGatewayConfig(production).introspection).toBe(false);
    expect(loadGatewayConfig({ ...production, INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('needs the context secret, and refuses the development issuer and unpinned algorithms in production', () => {
    expect(() => loadGatewayConfig({})).toThrow(/CONTEXT_SECRET/);
    expect(() => loadGatewayConfig({ ...secret, NODE_ENV: 'production' })).toThrow(/development issuer is refused/);
    expect(() => loadGatewayConfig({ ...secret, JWT_ALGORITHMS: 'HS256,none' })).toThrow(/JWT_ALGORITHMS/);
    expect(loadGatewayConfig({ ...secret, JWT_PUBLIC_KEY: 'pem' }).jwtAlgorithms).toEqual(['RS256', 'ES256']);
  });
  it('de-duplicates subgraph queries by default, caches responses only when given a TTL, and bounds every cache', () => {
    const config = loadGatewayConfig(secret);
    expect(config.SUBGRAPH_DEDUP).toBe('true');
    expect(config.REQUEST_DEDUP).toBe('true');
    expect(config.HEAP_GROWING_PERCENT).toBe(40);
    expect(loadGatewayConfig({ ...secret, REQUEST_DEDUP: 'false', HEAP_GROWING_PERCENT: '0' })).toMatchObject({ REQUEST_DEDUP: 'false', HEAP_GROWING_PERCENT: 0 });
    expect(() => loadGatewayConfig({ ...secret, REQUEST_DEDUP: 'no' })).toThrow(/REQUEST_DEDUP/);
    expect(() => loadGatewayConfig({ ...secret, HEAP_GROWING_PERCENT: '-5' })).toThrow(/HEAP_GROWING_PERCENT/);
    expect(config.RESPONSE_CACHE_TTL_MS).toBe(0);
    expect(config.SUBGRAPH_CONNECTIONS).toBe(64);
    expect(loadGatewayConfig({ ...secret, RESPONSE_CACHE_TTL_MS: '5000' }).RESPONSE_CACHE_TTL_MS).toBe(5000);
    expect(() => loadGatewayConfig({ ...secret, RESPONSE_CACHE_TTL_MS: '-1' })).toThrow(/RESPONSE_CACHE_TTL_MS/);
    expect(() => loadGatewayConfig({ ...secret, SUBGRAPH_CONNECTIONS: '0' })).toThrow(/SUBGRAPH_CONNECTIONS/);
    expect(() => loadGatewayConfig({ ...secret, SUBGRAPH_DEDUP: 'yes' })).toThrow(/SUBGRAPH_DEDUP/);
  });
});
