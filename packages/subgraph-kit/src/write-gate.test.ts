import { describe, expect, it, vi } from 'vitest';
import { forbidden } from './errors.js';
import { anonymous } from './actor.js';
import { performWrite, type WriteContext } from './write-gate.js';

function fakeContext() {
  const calls: string[] = [];
  const ctx = {
    actor: anonymous,
    requestId: 'req-1',
    em: {
      transactional: vi.fn(async (work: (em: unknown) => Promise<unknown>) => {
        calls.push('begin');
        // Not a PostgreSQL driver, so the gate behaves as on SQLite and takes the write lock first.
        const tx = { toString: () => 'tx', getDriver: () => ({}), execute: async (sql: string) => calls.push(`sql:${sql}`), create: (_entity: unknown, row: { action: string }) => calls.push(`audit:${row.action}`), flush: async () => calls.push('flush') };
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
    expect(calls).toEqual(['authorize', 'begin', 'sql:delete from idempotency_record where 0', 'work:tx', 'flush', 'sql:select hash from audit_entry where body is null order by id desc limit 1', 'audit:x', 'flush', 'commit', 'reset']);
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

describe('scoped policy', () => {
  it('needs an identity, the scope, and every body covered by a grant carrying it', async () => {
    const { scopedPolicy } = await import('./write-gate.js');
    const { actorFrom } = await import('./actor.js');
    const policy = scopedPolicy('governance:write');
    const intent = { action: 'recordAssembly', bodies: ['council:3'] };
    expect(() => policy(anonymous, intent)).toThrow(/signed-in/);
    expect(() => policy(actorFrom('c', [{ role: 'REGISTRY_CLERK', bodies: ['*'] }]), intent)).toThrow(/governance:write/);
    expect(() => policy(actorFrom('s', [{ role: 'SPOKESPERSON', bodies: ['council:4'] }]), intent)).toThrow(/do not cover council:3/);
    // a grant that covers the body but not the scope does not help
    expect(() => policy(actorFrom('s', [{ role: 'SPOKESPERSON', bodies: ['council:4'] }, { role: 'AUDITOR', bodies: ['council:3'] }]), intent)).toThrow(/do not cover council:3/);
    policy(actorFrom('s', [{ role: 'SPOKESPERSON', bodies: ['council:3'] }]), intent);
    policy(actorFrom('root', [{ role: 'ADMIN', bodies: ['*'] }]), intent);
  });
});
