// Soak: a bounded, loopback-only run of a mixed read/write load against the whole federation (four subgraphs and
// the gateway as real processes, SQLite in a scratch folder), with many more distinct operation texts than the
// gateway's query-plan, document and persisted-query caches hold, so they fill and then evict. Every --interval
// seconds it prints each process's resident memory, the gateway's V8 heap and what its caches hold (from /metrics);
// at the end, request counts, errors, latency, growth after warm-up, and each process's mean memory over the last
// third of the run against the middle third. Exits 1 on any error, when a process grew more than --bound-mib after
// warm-up, or when the gateway's mean grew more than --flat-bound-mib from the middle to the last third (it must
// level off once its caches are full).
//   npm run build && node bench/soak.mjs [--seconds 900] [--concurrency 8] [--interval 10] [--distinct 20000]
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, gatewayEntry, launch, subgraphEntry, subgraphs } from '../scripts/processes.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '180' },
    concurrency: { type: 'string', default: '8' },
    'bound-mib': { type: 'string', default: '96' },
    'flat-bound-mib': { type: 'string', default: '24' },
    warmup: { type: 'string', default: '30' },
    interval: { type: 'string', default: '30' },
    distinct: { type: 'string', default: '20000' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const boundMiB = Number(values['bound-mib']);
const flatBoundMiB = Number(values['flat-bound-mib']);
const warmupSeconds = Math.min(Number(values.warmup), seconds / 3);
const intervalSeconds = Number(values.interval);
const distinct = Number(values.distinct);
process.env.APOLLO_TELEMETRY_DISABLED = '1';

const scratch = mkdtempSync(join(tmpdir(), 'comuna-soak-'));
const CONTEXT_SECRET = randomBytes(32).toString('hex');
const started = [];
const rssMiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

try {
  const urls = {};
  for (const name of Object.keys(subgraphs)) {
    const port = await freePort();
    const env = { PORT: String(port), CONTEXT_SECRET, DATABASE_URL: `sqlite:${join(scratch, `${name}.sqlite`)}`, SEED: 'sample', LOG_LEVEL: 'warn', TERRITORY_URL: urls.TERRITORY_URL ?? '' };
    started.push(await launch(name, subgraphEntry(name), env, `http://127.0.0.1:${port}/ready`, { quiet: true }));
    urls[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}/graphql`;
  }
  const port = await freePort();
  started.push(await launch('gateway', gatewayEntry, { ...urls, PORT: String(port), CONTEXT_SECRET, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '10000000' }, `http://127.0.0.1:${port}/ready`, { quiet: true }));
  const gateway = `http://127.0.0.1:${port}/graphql`;
  const { mintDevToken } = await import('@comuna/gateway/dev-tokens');
  const clerk = `Bearer ${await mintDevToken({ subject: 'soak-clerk', grants: [{ role: 'REGISTRY_CLERK', bodies: ['*'] }] })}`;

  // The mix: reads across subgraphs (some with a fresh operation text each time), and writes (new councils,
  // census updates), some repeated under the same idempotency key as a client over a bad connection would.
  let serial = 0;
  const operations = [
    () => ({ query: '{ commune(id: "commune:1") { name census { population families } registry { status } } }' }),
    () => ({ query: `query Distinct${serial++ % distinct} { communalCouncils(first: ${1 + (serial % 20)}) { totalCount edges { node { id name } } } }` }),
    () => ({ query: `{ a${serial++ % distinct}: registryStatistics(filter: { bodyType: COMMUNE }) { total active } }` }),
    // Automatic persisted queries: the text with its hash, as a client registers it.
    () => {
      const query = `query Persisted${serial++ % distinct} { commune(id: "commune:${1 + (serial % 10)}") { name } }`;
      return { query, extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } } };
    },
    () => ({ query: '{ communalCity(code: "CIU-LAR-001") { name communes { name census { population } } } }' }),
    () => ({ query: '{ assemblies(first: 5) { totalCount } }' }),
    () => ({
      query: 'mutation($input: RegisterCommunalCouncilInput!) { registerCommunalCouncil(input: $input) { id } }',
      variables: { input: { name: `Consejo Comunal Soak ${serial++}`, parishId: 'parish:1', setting: 'URBAN', families: 200, population: 800, registeredOn: '2025-09-01' } },
      headers: { authorization: clerk, 'idempotency-key': serial % 3 === 0 ? `soak-repeat-${serial - (serial % 6)}` : randomUUID() },
    }),
  ];

  const latencies = [];
  const errors = new Map();
  let requests = 0;
  let memoryAfterWarmup;
  const deadline = Date.now() + seconds * 1000;
  const warmupEnd = Date.now() + warmupSeconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const op = operations[Math.floor(Math.random() * operations.length)]();
      const t0 = performance.now();
      try {
        const response = await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json', ...op.headers }, body: JSON.stringify({ query: op.query, variables: op.variables, extensions: op.extensions }) });
        const body = await response.json();
        const problem = response.status !== 200 ? `HTTP ${response.status}` : body.errors?.[0] ? `${body.errors[0].extensions?.code}: ${body.errors[0].message}` : undefined;
        if (problem && !(op.headers && problem.startsWith('CONFLICT'))) errors.set(problem, (errors.get(problem) ?? 0) + 1);
      } catch (error) {
        errors.set(error.message, (errors.get(error.message) ?? 0) + 1);
      }
      latencies.push(performance.now() - t0);
      requests++;
      if (!memoryAfterWarmup && Date.now() >= warmupEnd) memoryAfterWarmup = Object.fromEntries(started.map((p) => [p.name, rssMiB(p.child.pid)]));
    }
  };
  // Memory over time: every process's RSS, and the gateway's heap and cache fill as its /metrics reports them.
  const samples = [];
  const t0 = Date.now();
  const metricsUrls = { ...Object.fromEntries(Object.entries(urls).map(([key, url]) => [key.slice(0, -'_URL'.length).toLowerCase(), url])), gateway };
  const sample = async () => {
    const texts = Object.fromEntries(await Promise.all(Object.entries(metricsUrls).map(async ([name, url]) => [name, await fetch(new URL('/metrics', url)).then((r) => r.text()).catch(() => '')])));
    // The value of the first sample line of `series` whose labels include `label`, in one process's /metrics.
    const value = (name, series, label = '') => {
      const line = texts[name].split('\n').find((l) => (l.startsWith(`${series}{`) || l.startsWith(`${series} `)) && l.includes(label));
      return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
    };
    const cache = (name) => value('gateway', 'comuna_gateway_cache_entries', `cache="${name}"`);
    const names = started.map((p) => p.name);
    const row = {
      at: Math.round((Date.now() - t0) / 1000),
      rss: Object.fromEntries(started.map((p) => [p.name, rssMiB(p.child.pid)])),
      heap: Object.fromEntries(names.map((name) => [name, value(name, 'nodejs_heap_size_used_bytes') / 2 ** 20])),
      plans: cache('queryPlans'),
      documents: cache('documents'),
      apq: cache('persistedQueries'),
    };
    samples.push(row);
    const others = names.filter((n) => n !== 'gateway').map((n) => `${n} ${row.rss[n].toFixed(0)}/${row.heap[n].toFixed(0)}`);
    console.log(`  t=${String(row.at).padStart(4)} s  gateway RSS ${row.rss.gateway.toFixed(0)} MiB, heap ${row.heap.gateway.toFixed(0)} MiB, cached plans ${row.plans} documents ${row.documents} persisted ${row.apq}  |  RSS/heap MiB: ${others.join(', ')}  (${requests} requests)`);
  };
  await sample();
  const sampler = setInterval(() => void sample(), intervalSeconds * 1000);
  await Promise.all(Array.from({ length: concurrency }, worker));
  clearInterval(sampler);
  await sample();
  const memoryAtEnd = samples.at(-1).rss;

  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  console.log(`soak: ${seconds} s, ${concurrency} concurrent clients, ${requests} requests (${(requests / seconds).toFixed(0)}/s), latency p50 ${pct(50)} ms, p99 ${pct(99)} ms, ${[...errors.values()].reduce((a, b) => a + b, 0)} errors`);
  for (const [problem, count] of errors) console.log(`  error ×${count}: ${problem}`);
  let grew = false;
  for (const name of Object.keys(memoryAtEnd)) {
    const growth = memoryAtEnd[name] - memoryAfterWarmup[name];
    if (growth > boundMiB) grew = true;
    console.log(`  ${name.padEnd(10)} RSS after ${warmupSeconds} s warm-up ${memoryAfterWarmup[name].toFixed(0)} MiB, at end ${memoryAtEnd[name].toFixed(0)} MiB (${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MiB; bound ${boundMiB})`);
  }
  // Levelling off. Memory of a garbage-collected process is a sawtooth, so single readings compare badly: the
  // mean (and peak) of the samples in the last third of the run are compared with those of the middle third.
  const third = (from, to) => samples.filter((s) => s.at >= (seconds * from) / 3 && s.at < (seconds * to) / 3 + 1);
  const stats = (rows, pick) => ({ mean: rows.reduce((n, r) => n + pick(r), 0) / rows.length, peak: Math.max(...rows.map(pick)) });
  const signed = (n) => `${n >= 0 ? '+' : ''}${n.toFixed(0)}`;
  let flat = true;
  for (const name of started.map((p) => p.name)) {
    const middle = stats(third(1, 2), (r) => r.rss[name]);
    const last = stats(third(2, 3), (r) => r.rss[name]);
    const growth = last.mean - middle.mean;
    if (name === 'gateway' && growth > flatBoundMiB) flat = false;
    console.log(`  ${name.padEnd(10)} RSS mean (peak) middle third ${middle.mean.toFixed(0)} (${middle.peak.toFixed(0)}) MiB, last third ${last.mean.toFixed(0)} (${last.peak.toFixed(0)}) MiB: ${signed(growth)} MiB${name === 'gateway' ? ` (bound ${flatBoundMiB}) ${growth <= flatBoundMiB ? 'levelled off' : 'STILL GROWING'}` : ''}`);
  }
  for (const name of started.map((p) => p.name)) {
    const middle = stats(third(1, 2), (r) => r.heap[name]);
    const last = stats(third(2, 3), (r) => r.heap[name]);
    console.log(`  ${name.padEnd(10)} V8 heap used mean (peak) middle third ${middle.mean.toFixed(0)} (${middle.peak.toFixed(0)}) MiB, last third ${last.mean.toFixed(0)} (${last.peak.toFixed(0)}) MiB: ${signed(last.mean - middle.mean)} MiB`);
  }
  process.exitCode = errors.size || grew || !flat ? 1 : 0;
} finally {
  await Promise.all(started.map((p) => p.stop()));
  rmSync(scratch, { recursive: true, force: true });
}
