import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { subgraphAgent } from './subgraph-agent.js';

/** A subgraph stand-in that counts the TCP connections opened to it and holds each answer a little. */
async function countingServer(status = 200) {
  let connections = 0;
  let concurrent = 0;
  let maxConcurrent = 0;
  const server: Server = createServer((req, res) => {
    concurrent++;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () =>
      setTimeout(() => {
        concurrent--;
        res.writeHead(status, { 'content-type': 'application/json', 'x-echo': String(req.headers['x-comuna-context'] ?? 'none') });
        res.end(status === 204 ? undefined : JSON.stringify({ data: { echo: body } }));
      }, 20),
    );
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, connections: () => connections, maxConcurrent: () => maxConcurrent };
}

describe('keep-alive agent to the subgraphs', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('reuses connections and never opens more than its bound per subgraph', async () => {
    const subgraph = await countingServer();
    const agent = subgraphAgent({ connections: 2, keepAliveMs: 10_000 });
    closers.push(() => agent.close(), () => new Promise((resolve) => { subgraph.server.closeAllConnections(); subgraph.server.close(() => resolve()); }));
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => agent.fetch(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-comuna-context': `c${i}` }, body: `{"n":${i}}` })),
    );
    const bodies = await Promise.all(answers.map((a) => a.json()));
    expect(bodies.map((b) => (b as { data: { echo: string } }).data.echo)).toEqual(Array.from({ length: 10 }, (_, i) => `{"n":${i}}`));
    expect(answers[3]!.headers.get('x-echo')).toBe('c3');
    expect(answers[3]!.headers.get('Content-Type')).toBe('application/json');
    expect(subgraph.connections()).toBeLessThanOrEqual(2);
    expect(subgraph.maxConcurrent()).toBeLessThanOrEqual(2);
    await agent.fetch(subgraph.url, { method: 'POST', headers: {}, body: '{}' });
    expect(subgraph.connections()).toBeLessThanOrEqual(2);
  });

  it('hands on statuses without a body', async () => {
    const subgraph = await countingServer(204);
    const agent = subgraphAgent({ connections: 1, keepAliveMs: 1_000 });
    closers.push(() => agent.close(), () => new Promise((resolve) => { subgraph.server.closeAllConnections(); subgraph.server.close(() => resolve()); }));
    const answer = await agent.fetch(subgraph.url, { method: 'POST', headers: {}, body: '{}' });
    expect(answer.status).toBe(204);
    expect(await answer.text()).toBe('');
  });
});
