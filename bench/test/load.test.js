// Smoke test of the benchmark's measuring (seconds, no timing asserted): one short autocannon run against a
// local server that answers every other request with a GraphQL error.
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from '../src/load.js';
import { cpuSeconds, memory } from '../src/proc.js';

let server;
let url;
let served = 0;
let lastSigned;
const signedSeen = new Set();
beforeAll(async () => {
  server = createServer((req, res) => {
    lastSigned = req.headers['x-signed'];
    signedSeen.add(lastSigned);
    req.resume();
    req.on('end', () => {
      served++;
      res.setHeader('content-type', 'application/json');
      res.end(served % 2 ? '{"data":{"ok":true}}' : '{"errors":[{"message":"no"}],"data":null}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}/graphql`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('runLoad', () => {
  it('counts requests, GraphQL errors inside 200 answers, percentiles in order and per-process figures', async () => {
    const r = await runLoad({ url, body: '{"query":"{ ok }"}', connections: 2, seconds: 1, processes: { self: process.pid } });
    expect(r.requests).toBeGreaterThan(10);
    expect(r.requests).toBeLessThanOrEqual(served);
    // About half the answers carry errors; the count must see them although the status is 200.
    expect(r.errors).toBeGreaterThan(r.requests * 0.3);
    expect(r.errors).toBeLessThan(r.requests * 0.7);
    expect(r.p50).toBeLessThanOrEqual(r.p95);
    expect(r.p95).toBeLessThanOrEqual(r.p99);
    expect(r.peakRss.self).toBeGreaterThan(10);
    expect(r.cpuPer1000.self).toBeGreaterThan(0);
    expect(r.statementsPerRequest).toBeNull();
  }, 20_000);

  it('sends the headers `sign` gives for the body, for a subgraph called directly', async () => {
    const body = '{"query":"{ ok }"}';
    await runLoad({ url, body, connections: 1, seconds: 1, processes: { self: process.pid }, sign: (b) => ({ 'x-signed': String(b.length) }) });
    expect(lastSigned).toBe(String(body.length));
  }, 20_000);

  it('renews the signing headers during a run longer than a signature stays fresh (every 10 s)', async () => {
    let signatures = 0;
    signedSeen.clear();
    await runLoad({ url, body: '{}', connections: 1, seconds: 11, processes: { self: process.pid }, sign: () => ({ 'x-signed': `signature ${++signatures}` }) });
    expect(signedSeen.has('signature 1')).toBe(true);
    expect(signedSeen.has('signature 2')).toBe(true);
  }, 30_000);

  it('reads CPU seconds and memory of a process from /proc', () => {
    expect(cpuSeconds(process.pid)).toBeGreaterThan(0);
    const m = memory(process.pid);
    expect(m.peak).toBeGreaterThanOrEqual(m.rss);
  });
});
