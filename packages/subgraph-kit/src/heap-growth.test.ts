import { memoryUsage } from 'node:process';
import { describe, expect, it, vi } from 'vitest';
import { subgraphConfigSchema } from './config.js';
import { collectOnceReady } from './heap-growth.js';

describe('heap growth', () => {
  it('every subgraph holds its old generation to 20 % past the live data unless told otherwise, and refuses a negative figure', () => {
    const base = { PORT: '4001', DATABASE_URL: 'sqlite::memory:' };
    expect(subgraphConfigSchema.parse(base).HEAP_GROWING_PERCENT).toBe(20);
    expect(subgraphConfigSchema.parse({ ...base, HEAP_GROWING_PERCENT: '0' }).HEAP_GROWING_PERCENT).toBe(0);
    expect(subgraphConfigSchema.safeParse({ ...base, HEAP_GROWING_PERCENT: '-1' }).success).toBe(false);
  });

  it('collectOnceReady runs a full collection: garbage that survived into the old generation is gone', () => {
    // Long-lived enough to be promoted by the young collections that creating it triggers, then dropped.
    let garbage: Array<{ i: number; s: string }> | null = Array.from({ length: 400_000 }, (_, i) => ({ i, s: `item ${i}` }));
    const held = memoryUsage().heapUsed;
    expect(garbage.length).toBe(400_000);
    garbage = null;
    collectOnceReady();
    // ~30 MB were reachable; a young-generation collection alone would not free what was promoted.
    expect(held - memoryUsage().heapUsed).toBeGreaterThan(15 * 2 ** 20);
  });

  it('avoidPretenuring turns off V8\'s allocation-site pretenuring', async () => {
    // The flag's effect on V8 depends on when V8 tiers code up, which no test here can make repeatable; bench `hops`
    // prints what each service promotes per request.
    vi.resetModules();
    const setFlagsFromString = vi.fn();
    vi.doMock('node:v8', () => ({ setFlagsFromString }));
    const { avoidPretenuring: fresh } = await import('./heap-growth.js');
    fresh();
    expect(setFlagsFromString).toHaveBeenCalledWith('--no-allocation-site-pretenuring');
    vi.doUnmock('node:v8');
  });
});
