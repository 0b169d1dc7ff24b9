import { describe, expect, it, vi } from 'vitest';
import { forbidden } from './errors.js';
import { anonymous, performWrite, type WriteContext } from './write-gate.js';

function fakeContext() {
  const calls: string[] = [];
  const ctx = {
    actor: anonymous,
    requestId: 'req-1',
    em: {
      transactional: vi.fn(async (work: (em: unknown) => Promise<unknown>) => {
        calls.push('begin');
        const tx = { toString: () => 'tx', create: (_entity: unknown, row: { action: string }) => calls.push(`audit:${row.action}`), flush: async () => calls.push('flush') };
        const r = await work(tx);
        calls.push('commit');
        return r;
      }),
    },
    resetLoaders: vi.fn(() => calls.push('reset')),
  } as unknown as WriteContext;
  return { ctx, calls };
}

describe('write gate', () => {
  it('authorizes, then runs the work in a transaction, then drops cached reads', async () => {
    const { ctx, calls } = fakeContext();
    const result = await performWrite(ctx, () => calls.push('authorize') as never, { action: 'x', bodies: [] }, async (em) => {
      calls.push(`work:${em}`);
      return 42;
    });
    expect(result).toBe(42);
    expect(calls).toEqual(['authorize', 'begin', 'work:tx', 'audit:x', 'flush', 'commit', 'reset']);
  });

  it('runs nothing when the policy refuses', async () => {
    const { ctx, calls } = fakeContext();
    const deny = () => {
      throw forbidden('no');
    };
    await expect(performWrite(ctx, deny, { action: 'x', bodies: [] }, async () => calls.push('work'))).rejects.toThrow('no');
    expect(calls).toEqual([]);
  });
});
