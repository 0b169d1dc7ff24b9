// One load run with autocannon at fixed concurrency: throughput, latency percentiles (p95 from every response's
// time, which autocannon's summary lacks), errors, CPU seconds per 1,000 requests and peak RSS of each process,
// SQL statements per request from the subgraphs' counters.
import autocannon from 'autocannon';
import { cpuSeconds, memory } from './proc.js';

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

export async function readCounters(counters) {
  let total = 0;
  for (const port of counters) total += Number(await (await fetch(`http://127.0.0.1:${port}/`)).text());
  return total;
}

/**
 * `processes`: { name: pid } measured during the run; `counters`: side ports of the subgraphs' statement counters;
 * `sign`: for a subgraph called directly, the headers that sign `body` (a signature is fresh for 30 s, so each
 * connection's headers are renewed every 10 s, not per request: signing stays out of the load generator's cost).
 */
export async function runLoad({ url, body, connections, seconds, processes, counters = [], sign }) {
  const latencies = [];
  const cpuBefore = Object.fromEntries(Object.entries(processes).map(([n, pid]) => [n, cpuSeconds(pid)]));
  const statementsBefore = await readCounters(counters);
  const peaks = Object.fromEntries(Object.keys(processes).map((n) => [n, 0]));
  const sample = () => {
    for (const [n, pid] of Object.entries(processes)) peaks[n] = Math.max(peaks[n], memory(pid).rss);
  };
  const sampler = setInterval(sample, 250);
  let non2xx = 0;
  let graphqlErrors = 0;
  const headers = () => ({ 'content-type': 'application/json', ...sign?.(body) });
  const clients = [];
  const resign = sign && setInterval(() => clients.forEach((client) => client.setHeaders(headers())), 10_000);
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url, method: 'POST', headers: headers(), body, connections, duration: seconds, pipelining: 1,
        setupClient: (client) => {
          clients.push(client);
          // A GraphQL error arrives with status 200: look inside every body.
          client.on('body', (buffer) => {
            if (buffer.includes('"errors"')) graphqlErrors++;
          });
        },
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, time) => {
      latencies.push(time);
      if (status !== 200) non2xx++;
    });
  });
  clearInterval(sampler);
  clearInterval(resign);
  sample();
  const statements = (await readCounters(counters)) - statementsBefore;
  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  const cpu = Object.fromEntries(Object.entries(processes).map(([n, pid]) => [n, ((cpuSeconds(pid) - cpuBefore[n]) * 1000) / Math.max(1, requests)]));
  return {
    rps: requests / seconds,
    requests,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + non2xx + graphqlErrors,
    cpuPer1000: cpu,
    peakRss: peaks,
    statementsPerRequest: counters.length ? statements / Math.max(1, requests) : null,
  };
}
