import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from './http-server.js';

describe('request body limit', () => {
  let running: RunningServer;
  beforeAll(async () => {
    const apollo = new ApolloServer({ typeDefs: 'type Query { ok(pad: String): Boolean }', resolvers: { Query: { ok: () => true } } });
    await apollo.start();
    running = await serve({ apollo, context: async () => ({}), maxBodyBytes: 20_000, host: '127.0.0.1', port: 0 });
  });
  afterAll(() => running?.close());

  const post = (pad: string) =>
    fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query($p: String) { ok(pad: $p) }', variables: { p: pad } }) });

  it('serves a body under the configured limit and refuses one over it with 413, before parsing', async () => {
    expect((await post('x'.repeat(15_000))).status).toBe(200);
    const refused = await post('x'.repeat(25_000));
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe('Request body over 20000 bytes');
    // The unread rest of the body makes the connection unusable: it must close, and the next request still works.
    expect(refused.headers.get('connection')).toBe('close');
    expect((await post('x')).status).toBe(200);
  });
});
