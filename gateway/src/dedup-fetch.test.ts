import { CONTEXT_HEADER } from '@comuna/subgraph-kit/signed-context';
import { describe, expect, it } from 'vitest';
import { dedupFetch } from './dedup-fetch.js';
import type { Fetch } from './subgraph-fetch.js';

/** A subgraph stand-in that answers only when told, and records every call that reached it. */
function heldSubgraph() {
  const calls: { body: string; context: string | undefined }[] = [];
  const pending: { resolve: (response: Response) => void; reject: (error: Error) => void }[] = [];
  const fetch: Fetch = (_url, init) =>
    new Promise((resolve, reject) => {
      calls.push({ body: init.body, context: init.headers[CONTEXT_HEADER] });
      pending.push({ resolve, reject });
    });
  return {
    fetch,
    calls,
    answer: (text: string) => pending.shift()!.resolve(new Response(text, { status: 200, headers: { 'content-type': 'application/json' } })),
    fail: (error: Error) => pending.shift()!.reject(error),
  };
}

const query = (q: string, variables: object = {}) => JSON.stringify({ query: q, variables });
const as = (context: string) => ({ 'content-type': 'application/json', [CONTEXT_HEADER]: context });
const url = 'http://127.0.0.1:1/graphql';

describe('in-flight de-duplication of subgraph queries', () => {
  it('sends identical concurrent queries once and gives every caller its own readable answer', async () => {
    const subgraph = heldSubgraph();
    let shared = 0;
    const fetch = dedupFetch(subgraph.fetch, { onShared: () => shared++ });
    const body = query('{ nation { name } }');
    const answers = Array.from({ length: 5 }, () => fetch(url, { headers: as('anon'), body }));
    expect(subgraph.calls).toHaveLength(1);
    subgraph.answer('{"data":{"nation":{"name":"N"}}}');
    const texts = await Promise.all(answers.map(async (a) => (await a).json()));
    expect(texts).toEqual(Array(5).fill({ data: { nation: { name: 'N' } } }));
    expect(shared).toBe(4);
  });

  it('keeps nothing after the answer: a later identical query reaches the subgraph again', async () => {
    const subgraph = heldSubgraph();
    const fetch = dedupFetch(subgraph.fetch);
    const body = query('{ nation { name } }');
    const first = fetch(url, { headers: as('anon'), body });
    subgraph.answer('{"data":{}}');
    await (await first).text();
    const second = fetch(url, { headers: as('anon'), body });
    expect(subgraph.calls).toHaveLength(2);
    subgraph.answer('{"data":{}}');
    expect(await (await second).text()).toBe('{"data":{}}');
  });

  it('never merges different identities, different variables or different subgraphs', async () => {
    const subgraph = heldSubgraph();
    const fetch = dedupFetch(subgraph.fetch);
    const body = query('query($id: ID!) { commune(id: $id) { name } }', { id: 'commune:1' });
    void fetch(url, { headers: as('anon'), body });
    void fetch(url, { headers: as('clerk-1'), body });
    void fetch(url, { headers: as('clerk-1|idem-A'), body });
    void fetch(url, { headers: as('anon'), body: query('query($id: ID!) { commune(id: $id) { name } }', { id: 'commune:2' }) });
    void fetch('http://127.0.0.1:2/graphql', { headers: as('anon'), body });
    expect(subgraph.calls.map((c) => c.context)).toEqual(['anon', 'clerk-1', 'clerk-1|idem-A', 'anon', 'anon']);
  });

  it('never merges mutations, and a mutation makes later reads start their own call', async () => {
    const subgraph = heldSubgraph();
    const fetch = dedupFetch(subgraph.fetch);
    const mutation = query('mutation { registerCommune(input: {}) { id } }');
    void fetch(url, { headers: as('clerk'), body: mutation });
    void fetch(url, { headers: as('clerk'), body: mutation });
    expect(subgraph.calls).toHaveLength(2);
    const read = query('{ nation { name } }');
    void fetch(url, { headers: as('anon'), body: read });
    void fetch(url, { headers: as('clerk'), body: mutation });
    void fetch(url, { headers: as('anon'), body: read });
    expect(subgraph.calls.map((c) => c.body)).toEqual([mutation, mutation, read, mutation, read]);
  });

  it('gives the error of a shared call to every waiter', async () => {
    const subgraph = heldSubgraph();
    const fetch = dedupFetch(subgraph.fetch);
    const body = query('{ nation { name } }');
    const answers = [fetch(url, { headers: as('anon'), body }), fetch(url, { headers: as('anon'), body })];
    subgraph.fail(new Error('The territory service is unavailable'));
    for (const answer of answers) await expect(answer).rejects.toThrow(/unavailable/);
    const again = fetch(url, { headers: as('anon'), body });
    expect(subgraph.calls).toHaveLength(2);
    subgraph.answer('{"data":{}}');
    await again;
  });
});
