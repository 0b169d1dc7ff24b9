import { ApolloServer, HeaderMap } from '@apollo/server';
import { anonymous, actorFrom } from '@comuna/subgraph-kit/actor';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { ResponseCache, responseCachePlugin, stableJson } from './response-cache.js';
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

/** What serve() hands the fast path: the request's method and headers. */
const httpRequest = (headers: Record<string, string> = {}, method = 'POST') =>
  ({ method, headers: { 'content-type': 'application/json', accept: 'application/json', ...headers } }) as unknown as IncomingMessage;

describe('response cache: answers kept as sent, served before Apollo', () => {
  const body = JSON.stringify({ query: read, variables: { c: 'a' } });
  const answer = (text: string) => ({ status: 200, headers: [['content-type', 'application/json'], ['x-cache', 'MISS']] as [string, string][], body: text });

  async function subject() {
    const cache = new ResponseCache({ ttlMs: 60_000, maxEntries: 100, maxBytes: 1_000_000, label: (name) => (typeof name === 'string' ? name : 'anonymous') });
    const state = { population: 100, reads: 0 };
    const server = new ApolloServer<GatewayContext>({
      typeDefs: `type Query { population(commune: String!): Int  broken: Int } type Mutation { setPopulation(value: Int!): Int }`,
      resolvers: {
        Query: { population: () => (state.reads++, state.population), broken: () => { throw new Error('down'); } },
        Mutation: { setPopulation: (_: unknown, { value }: { value: number }) => (state.population = value) },
      },
      plugins: [cache.plugin()],
    });
    await server.start();
    /** One request as the gateway runs it: the fast path first, then Apollo, whose answer is offered back. */
    const run = async (raw: string, req: IncomingMessage = httpRequest(), context: Partial<GatewayContext> = {}) => {
      const kept = cache.lookup(req, raw);
      if (kept) return { ...kept, fromFastPath: true };
      const { query, variables } = JSON.parse(raw);
      const response = await server.executeOperation({ query, variables, http: { method: 'POST', headers: new HeaderMap(Object.entries(req.headers as Record<string, string>)), search: '', body: {} } }, { contextValue: { requestId: 'r', actor: anonymous, httpRequest: req, ...context } });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const sent = answer(JSON.stringify(response.body.singleResult));
      cache.offer(req, raw, sent);
      return { ...sent, fromFastPath: false };
    };
    return { cache, state, run };
  }

  it('answers the same request text again from the bytes first sent, marked HIT, with the operation label', async () => {
    const { cache, state, run } = await subject();
    const first = await run(body);
    const second = await run(body);
    expect(first.fromFastPath).toBe(false);
    expect(second).toMatchObject({ fromFastPath: true, status: 200, body: first.body });
    expect(second.headers).toContainEqual(['x-cache', 'HIT']);
    expect(second.headers).not.toContainEqual(['x-cache', 'MISS']);
    expect(cache.lookup(httpRequest(), body)?.operation).toBe('Pop');
    expect(state.reads).toBe(1);
    // Another text of the same operation misses the fast path but hits the normalized level, then is kept too.
    const spaced = JSON.stringify({ query: `${read}\n`, variables: { c: 'a' } });
    expect((await run(spaced)).fromFastPath).toBe(false);
    expect((await run(spaced)).fromFastPath).toBe(true);
    expect(state.reads).toBe(1);
  });

  it('keeps nothing Apollo did not mark: errors, mutations, answers it was merely offered', async () => {
    const { cache, state, run } = await subject();
    cache.offer(httpRequest(), body, answer('{"data":{"population":-1}}'));
    expect(cache.lookup(httpRequest(), body)).toBeUndefined();
    const broken = JSON.stringify({ query: '{ broken }' });
    await run(broken);
    expect((await run(broken)).fromFastPath).toBe(false);
    const write = JSON.stringify({ query: 'mutation { setPopulation(value: 5) }' });
    await run(write);
    expect((await run(write)).fromFastPath).toBe(false);
    expect(state.population).toBe(5);
  });

  it('is never used for a caller with an Authorization header or an idempotency key, nor for other than a POST of JSON', async () => {
    const { cache, run } = await subject();
    await run(body);
    expect(cache.lookup(httpRequest(), body)).toBeDefined();
    expect(cache.lookup(httpRequest({ authorization: 'Bearer x.y.z' }), body)).toBeUndefined();
    expect(cache.lookup(httpRequest({ 'idempotency-key': 'k' }), body)).toBeUndefined();
    expect(cache.lookup(httpRequest({ 'content-type': 'text/plain' }), body)).toBeUndefined();
    expect(cache.lookup(httpRequest({}, 'GET'), body)).toBeUndefined();
    // The Accept header is part of the key: another one may be answered in another format.
    expect(cache.lookup(httpRequest({ accept: 'application/graphql-response+json' }), body)).toBeUndefined();
    // An authenticated request is never marked, so its answer is not kept either.
    const mine = httpRequest({ authorization: 'Bearer x.y.z' });
    await run(JSON.stringify({ query: '{ population(commune: "z") }' }), mine, { actor: actorFrom('clerk-1', [{ role: 'REGISTRY_CLERK', bodies: ['*'] }]) });
    expect(cache.lookup(httpRequest(), JSON.stringify({ query: '{ population(commune: "z") }' }))).toBeUndefined();
  });

  it('is emptied with the normalized level by a mutation: the next read sees the new data', async () => {
    const { cache, run } = await subject();
    await run(body);
    expect(cache.size).toBe(2);
    await run(JSON.stringify({ query: 'mutation { setPopulation(value: 7) }' }));
    expect(cache.size).toBe(0);
    const after = await run(body);
    expect(after).toMatchObject({ fromFastPath: false });
    expect(JSON.parse(after.body)).toEqual({ data: { population: 7 } });
  });
});
