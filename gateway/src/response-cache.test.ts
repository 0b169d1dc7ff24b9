import { ApolloServer, HeaderMap } from '@apollo/server';
import { anonymous, actorFrom } from '@comuna/subgraph-kit/actor';
import { beforeEach, describe, expect, it } from 'vitest';
import { responseCachePlugin, stableJson } from './response-cache.js';
import type { GatewayContext } from './server.js';

/** A one-service schema whose resolvers count their calls, standing in for the gateway's execution. */
function counted(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
  const state = { population: 100, reads: 0, hold: undefined as Promise<void> | undefined };
  const server = new ApolloServer<GatewayContext>({
    typeDefs: `type Query { population(commune: String!): Int  broken: Int }
               type Mutation { setPopulation(value: Int!): Int }`,
    resolvers: {
      Query: {
        population: async () => {
          state.reads++;
          const value = state.population;
          await state.hold;
          return value;
        },
        broken: () => {
          state.reads++;
          throw new Error('subgraph down');
        },
      },
      Mutation: { setPopulation: (_: unknown, { value }: { value: number }) => (state.population = value) },
    },
    plugins: [responseCachePlugin({ ttlMs: options.ttlMs ?? 60_000, maxEntries: options.maxEntries ?? 100, maxBytes: 1_000_000, now: options.now })],
  });
  const run = async (query: string, variables: Record<string, unknown> = {}, context: Partial<GatewayContext> = {}, headers: [string, string][] = []) => {
    const response = await server.executeOperation(
      { query, variables, http: { method: 'POST', headers: new HeaderMap(headers), search: '', body: {} } },
      { contextValue: { requestId: 'r', actor: anonymous, ...context } },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { ...response.body.singleResult, cache: response.http.headers.get('x-cache') };
  };
  return { server, state, run };
}

const read = 'query Pop($c: String!) { population(commune: $c) }';

describe('response cache of anonymous reads', () => {
  let subject: ReturnType<typeof counted>;
  beforeEach(async () => {
    subject = counted();
    await subject.server.start();
  });

  it('serves the second identical anonymous query without executing it, whatever its whitespace or variable order', async () => {
    const first = await subject.run(read, { c: 'a' });
    const second = await subject.run(`query Pop($c: String!) {\n  population(commune: $c)\n}`, { c: 'a' });
    expect(first).toMatchObject({ data: { population: 100 }, cache: 'MISS' });
    expect(second).toMatchObject({ data: { population: 100 }, cache: 'HIT' });
    expect(subject.state.reads).toBe(1);
    await subject.run(read, { c: 'b' });
    expect(subject.state.reads).toBe(2);
    expect(stableJson({ b: [1, { y: 2, x: 1 }], a: null })).toBe(stableJson({ a: null, b: [1, { x: 1, y: 2 }] }));
  });

  it('never serves or stores for a caller with an identity, an Authorization header or an idempotency key', async () => {
    await subject.run(read, { c: 'a' }, { actor: actorFrom('clerk-1', [{ role: 'REGISTRY_CLERK', bodies: ['*'] }]) });
    await subject.run(read, { c: 'a' }, {}, [['authorization', 'Bearer x.y.z']]);
    await subject.run(read, { c: 'a' }, { idempotencyKey: 'k' });
    expect(subject.state.reads).toBe(3);
    await subject.run(read, { c: 'a' });
    await subject.run(read, { c: 'a' }, { actor: actorFrom('clerk-1', [{ role: 'REGISTRY_CLERK', bodies: ['*'] }]) });
    expect(subject.state.reads).toBe(5);
  });

  it('is emptied by a mutation: the next read sees the new data', async () => {
    await subject.run(read, { c: 'a' });
    await subject.run('mutation { setPopulation(value: 7) }', {}, { actor: actorFrom('clerk-1', [{ role: 'REGISTRY_CLERK', bodies: ['*'] }]) });
    expect(await subject.run(read, { c: 'a' })).toMatchObject({ data: { population: 7 }, cache: 'MISS' });
  });

  it('does not store a read that was running while a mutation ran', async () => {
    let release!: () => void;
    subject.state.hold = new Promise((resolve) => (release = resolve));
    const slow = subject.run(read, { c: 'a' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await subject.run('mutation { setPopulation(value: 7) }');
    release();
    expect(await slow).toMatchObject({ data: { population: 100 } });
    subject.state.hold = undefined;
    expect(await subject.run(read, { c: 'a' })).toMatchObject({ data: { population: 7 }, cache: 'MISS' });
  });

  it('does not cache answers with errors', async () => {
    await subject.run('{ broken }');
    const again = await subject.run('{ broken }');
    expect(again.errors?.[0]?.message).toMatch(/subgraph down/);
    expect(subject.state.reads).toBe(2);
  });

  it('evicts past its bound and expires after its TTL', async () => {
    let now = 0;
    const small = counted({ maxEntries: 1, ttlMs: 1_000, now: () => now });
    await small.server.start();
    await small.run(read, { c: 'a' });
    await small.run(read, { c: 'b' });
    expect((await small.run(read, { c: 'a' })).cache).toBe('MISS');
    expect((await small.run(read, { c: 'a' })).cache).toBe('HIT');
    now = 1_000;
    expect((await small.run(read, { c: 'a' })).cache).toBe('MISS');
    expect(small.state.reads).toBe(4);
  });
});
