// Soak: a bounded, loopback-only run of a mixed read/write load against the whole federation (four subgraphs and
// the gateway as real processes, SQLite in a scratch folder), with many distinct operation texts so the gateway's
// query-plan and parse caches grow. Prints request counts, errors, latency and each process's resident memory
// after warm-up and at the end; exits 1 on any error or when a process grew more than the bound.
//   npm run build && node bench/soak.mjs [--seconds 300] [--concurrency 8] [--bound-mib 96]
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, gatewayEntry, launch, subgraphEntry, subgraphs } from '../scripts/processes.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '180' }, concurrency: { type: 'string', default: '8' }, 'bound-mib': { type: 'string', default: '96' }, warmup: { type: 'string', default: '30' } } });
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const boundMiB = Number(values['bound-mib']);
const warmupSeconds = Math.min(Number(values.warmup), seconds / 3);
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
    () => ({ query: `query Distinct${serial++ % 5000} { communalCouncils(first: ${1 + (serial % 20)}) { totalCount edges { node { id name } } } }` }),
    () => ({ query: `{ a${serial++}: registryStatistics(filter: { bodyType: COMMUNE }) { total active } }` }),
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
        const response = await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json', ...op.headers }, body: JSON.stringify({ query: op.query, variables: op.variables }) });
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
  await Promise.all(Array.from({ length: concurrency }, worker));
  const memoryAtEnd = Object.fromEntries(started.map((p) => [p.name, rssMiB(p.child.pid)]));

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
  process.exitCode = errors.size || grew ? 1 : 0;
} finally {
  await Promise.all(started.map((p) => p.stop()));
  rmSync(scratch, { recursive: true, force: true });
}
