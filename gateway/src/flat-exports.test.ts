import { describe, expect, it } from 'vitest';
import './server.js';
import { fromGateway } from './gateway-require.js';

// Named here, not imported from flat-exports.ts: only server.ts's own import may have flattened them.
const FLATTENED_PACKAGES = ['@apollo/federation-internals', '@apollo/query-planner'];

describe('flattened re-exports', () => {
  it.each(FLATTENED_PACKAGES)('@apollo/gateway reads %s through plain values, the same as its submodules export', (name) => {
    const loaded = fromGateway(name) as Record<string, unknown>;
    const descriptors = Object.getOwnPropertyDescriptors(loaded);
    const getters = Object.entries(descriptors).filter(([, d]) => d.get).map(([key]) => key);
    expect(getters).toEqual([]);
    expect(Object.keys(loaded).length).toBeGreaterThan(5);
    // Every value is what the package's own submodules hold (read once more through a fresh index, getters and all).
    const path = fromGateway.resolve(name);
    const cached = fromGateway.cache[path]!;
    delete fromGateway.cache[path];
    try {
      const fresh = fromGateway(name) as Record<string, unknown>;
      expect(Object.keys(loaded).sort()).toEqual(Object.keys(fresh).sort());
      for (const key of Object.keys(fresh)) expect(loaded[key], key).toBe(fresh[key]);
    } finally {
      fromGateway.cache[path] = cached;
    }
  });

  it('refuses to run after @apollo/gateway was loaded (it would keep the getters)', async () => {
    const { flattenReexports } = await import('./flat-exports.js');
    expect(() => flattenReexports(FLATTENED_PACKAGES, import.meta.url)).toThrow(/before @apollo\/gateway/);
  });

  it('the gateway module still exposes the internals @apollo/gateway uses to shape results', () => {
    const internals = fromGateway('@apollo/federation-internals') as Record<string, unknown>;
    for (const name of ['isListType', 'isNonNullType', 'isCompositeType', 'assert', 'typenameFieldName']) expect(internals[name], name).toBeDefined();
    expect((internals as { __esModule?: boolean }).__esModule).toBe(true);
  });
});
