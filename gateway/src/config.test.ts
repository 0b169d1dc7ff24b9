import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config.js';

describe('gateway configuration', () => {
  it('defaults to the local subgraphs of schema/subgraphs.json and port 4000', () => {
    const config = loadGatewayConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.subgraphUrls.territory).toBe('http://127.0.0.1:4001/graphql');
    expect(config.introspection).toBe(true);
  });

  it('takes subgraph URLs from <NAME>_URL and refuses non-URLs', () => {
    expect(loadGatewayConfig({ TERRITORY_URL: 'http://territory:8080/graphql' }).subgraphUrls.territory).toBe('http://territory:8080/graphql');
    expect(() => loadGatewayConfig({ TERRITORY_URL: 'territory' })).toThrow(/TERRITORY_URL/);
    expect(() => loadGatewayConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('turns introspection off in production unless enabled', () => {
    expect(loadGatewayConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadGatewayConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).introspection).toBe(true);
  });
});
