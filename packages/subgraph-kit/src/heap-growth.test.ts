import { describe, expect, it } from 'vitest';
import { subgraphConfigSchema } from './config.js';

describe('heap growth', () => {
  it('every subgraph holds its old generation to 20 % past the live data unless told otherwise, and refuses a negative figure', () => {
    const base = { PORT: '4001', DATABASE_URL: 'sqlite::memory:' };
    expect(subgraphConfigSchema.parse(base).HEAP_GROWING_PERCENT).toBe(20);
    expect(subgraphConfigSchema.parse({ ...base, HEAP_GROWING_PERCENT: '0' }).HEAP_GROWING_PERCENT).toBe(0);
    expect(subgraphConfigSchema.safeParse({ ...base, HEAP_GROWING_PERCENT: '-1' }).success).toBe(false);
  });
});
