// `npm run -w @comuna/bench bench [-- options]`: the national-scale benchmark. Starts the built stack on the
// national dataset, checks every scenario's answer first (exact JSON, no errors, the same through both
// gateways and against bench/golden when present), then loads each comparison A B A B … and prints a table.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, root } from '../../scripts/processes.js';
import { measureFloor } from './floor.js';
import { runLoad } from './load.js';
import { scenarios } from './scenarios.js';
import { signedHeaders } from './signing.js';
import { startGateway, startHive, startSubgraphs } from './stack.js';
import { memory } from './proc.js';

const { values: opt } = parseArgs({
  options: {
    data: { type: 'string', default: join(root, 'data', 'national') },
    warmup: { type: 'string', default: '15' },
    duration: { type: 'string', default: '30' },
    pairs: { type: 'string', default: '5' },
    'memory-runs': { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    scenarios: { type: 'string', default: 's1,s2,s3,s4' },
    settings: { type: 'string', default: 'default,best,plain' },
    'update-golden': { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'bench', 'results', 'latest.md') },
  },
});
const warmup = Number(opt.warmup);
const duration = Number(opt.duration);
const pairs = Number(opt.pairs);
const memoryRuns = Number(opt['memory-runs']);
const connections = Number(opt.connections);
const chosen = scenarios.filter((s) => opt.scenarios.split(',').includes(s.id));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const post = async (url, query, sign) => {
  const body = JSON.stringify({ query });
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...sign?.(body) }, body });
  return { status: response.status, text: await response.text() };
};

const log = (line) => process.stderr.write(`${line}\n`);
const started = Date.now();
const subgraphs = await startSubgraphsCounted();
const bootGateway = Date.now();
const ours = await startGateway(await freePort());
// The best settings run on a gateway of their own, started when the first best comparison begins; so does
// `plain` (no sharing of any kind: every request executed, every subgraph call made), compared with Hive's default.
let oursBest;
let oursPlain;
const firstAnswer = await post(ours.url, chosen[0]?.query ?? '{ __typename }');
const ready = { ms: Date.now() - bootGateway, ok: firstAnswer.status === 200 };
const rows = [];
const stops = [ours.stop, ...Object.values(subgraphs).map((s) => s.stop)];
try {
  for (const setting of opt.settings.split(',')) {
    if (!['default', 'best', 'plain'].includes(setting)) throw new Error(`--settings: ${setting} is not default, best or plain`);
    const hive = await startHive(await freePort(), { best: setting === 'best' });
    stops.push(hive.stop);
    for (const scenario of chosen) {
      if (scenario.floor === 'subgraph' && setting === 'best') continue;
      const body = JSON.stringify({ query: scenario.query });
      const b = scenario.floor === 'subgraph' ? { name: `${scenario.subgraph} subgraph (floor)`, url: subgraphs[scenario.subgraph].url, pid: subgraphs[scenario.subgraph].child.pid, sign: signedHeaders } : { name: `Hive Gateway (${setting === 'best' ? 'best' : 'default'})`, url: hive.url, pid: hive.child.pid };
      if (setting === 'best' && !oursBest) {
        oursBest = await startGateway(await freePort(), { best: true });
        stops.push(oursBest.stop);
      }
      if (setting === 'plain' && !oursPlain) {
        oursPlain = await startGateway(await freePort(), { plain: true });
        stops.push(oursPlain.stop);
      }
      const gw = setting === 'best' ? oursBest : setting === 'plain' ? oursPlain : ours;
      const a = { name: `our gateway (${setting})`, url: gw.url, pid: gw.child.pid };
      try {
        await golden(scenario, a, b);
      } catch (error) {
        // A scenario that cannot answer correctly is not timed: its row says why instead.
        log(String(error.message ?? error));
        rows.push({ scenario, setting, a, b, failed: String(error.message ?? error).split('\n')[0].slice(0, 300) });
        continue;
      }
      const processes = (target) => ({ [target.name]: target.pid, ...Object.fromEntries(Object.entries(subgraphs).map(([n, s]) => [n, s.child.pid])) });
      log(`${scenario.id} ${setting}: warm-up ${warmup} s on ${a.name}`);
      await runLoad({ url: a.url, body, connections, seconds: warmup, processes: processes(a) });
      // The issue's memory check: runs of the same load back to back on the same processes, nothing in between. Done
      // before the pairs, right after the switch from the previous scenario, where growth shows; in the pairs every
      // run of ours follows one of the peer's, whose heavier load on the subgraphs would be counted as our growth.
      const memory = [];
      for (let i = 0; i < memoryRuns; i++) {
        const r = await runLoad({ url: a.url, body, connections, seconds: duration, processes: processes(a) });
        memory.push(r);
        log(`${scenario.id} ${setting} back-to-back run ${i + 1}/${memoryRuns} ${a.name}: ${r.rps.toFixed(0)} rps, peak RSS ${Object.entries(r.peakRss).map(([n, mb]) => `${n.split(' ')[0]} ${mb.toFixed(0)}`).join(', ')} MB`);
      }
      log(`${scenario.id} ${setting}: warm-up ${warmup} s on ${b.name}`);
      await runLoad({ url: b.url, body, connections, seconds: warmup, processes: processes(b), sign: b.sign });
      const runs = { a: [], b: [] };
      for (let i = 0; i < pairs; i++) {
        for (const [key, target] of [['a', a], ['b', b]]) {
          const r = await runLoad({ url: target.url, body, connections, seconds: duration, processes: processes(target), counters: Object.values(subgraphs).map((s) => s.counter), sign: target.sign });
          runs[key].push(r);
          log(`${scenario.id} ${setting} pair ${i + 1}/${pairs} ${target.name}: ${r.rps.toFixed(0)} rps p50 ${r.p50} ms p99 ${r.p99} ms errors ${r.errors}`);
        }
      }
      const ratio = median(runs.a.map((r, i) => r.rps / runs.b[i].rps));
      const alone = scenario.floor === 'sql' && setting !== 'best' ? await aloneAgainstFloor(a, body, processes(a)) : null;
      rows.push({ scenario, setting, a, b, runs, memory, ratio, alone, floorSql: scenario.floor === 'sql' ? (alone?.floor ?? measureFloor(opt.data)) : null });
    }
    await hive.stop();
  }
} finally {
  for (const stop of stops) await stop().catch(() => undefined);
}
const report = render();
// Printed first, so a run's figures survive a file that cannot be written.
console.log(report);
// --out is relative to where npm was run (npm runs the script in bench/).
const out = resolve(process.env.INIT_CWD ?? process.cwd(), opt.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, report);

async function startSubgraphsCounted() {
  const counters = {};
  for (const name of ['territory', 'governance', 'production', 'budget']) counters[name] = await freePort();
  const running = await startSubgraphs(opt.data, (name) => ({ NODE_OPTIONS: `--import=${join(root, 'bench', 'src', 'count-statements.js')}`, BENCH_COUNTER_PORT: String(counters[name]) }));
  for (const [name, s] of Object.entries(running)) s.counter = counters[name];
  return running;
}

/**
 * The same query alone against the raw-SQL floor, paired as every comparison is: A B A B …, `pairs` times, the ratio
 * the median of the pairs' p50 ratios. Alone: one connection, so nothing is shared or queued. Each floor is timed
 * right after its run, in this process, while the stack idles: a floor timed once, after the last run, was seen to
 * swing 20–31 ms on the same machine within minutes, and a single ratio with it.
 */
async function aloneAgainstFloor(target, body, procs) {
  const seconds = Math.max(5, Math.round(duration / 3));
  const runs = [];
  const floors = [];
  for (let i = 0; i < pairs; i++) {
    runs.push(await runLoad({ url: target.url, body, connections: 1, seconds, processes: procs }));
    floors.push(measureFloor(opt.data));
  }
  const ratios = runs.map((r, i) => r.p50 / floors[i].p50);
  const m = (list, pick) => median(list.map(pick));
  return {
    seconds,
    ratios,
    ratio: median(ratios),
    rps: m(runs, (r) => r.rps),
    p50: m(runs, (r) => r.p50),
    p95: m(runs, (r) => r.p95),
    p99: m(runs, (r) => r.p99),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    floor: { ...floors[0], p50: m(floors, (f) => f.p50), p95: m(floors, (f) => f.p95), min: Math.min(...floors.map((f) => f.min)) },
  };
}

async function golden(scenario, a, b) {
  const [ra, rb] = [await post(a.url, scenario.query), await post(b.url, scenario.query, b.sign)];
  const file = join(root, 'bench', 'golden', `${scenario.id}.json`);
  const parsed = JSON.parse(ra.text);
  if (ra.status !== 200 || parsed.errors) throw new Error(`${scenario.id}: ${a.name} answered ${ra.status} ${ra.text.slice(0, 500)}`);
  if (JSON.stringify(JSON.parse(rb.text)) !== JSON.stringify(parsed)) {
    throw new Error(`${scenario.id}: ${b.name} answers differently from ${a.name}:\n${rb.text.slice(0, 800)}\n---\n${ra.text.slice(0, 800)}`);
  }
  if (opt['update-golden'] || !existsSync(file)) {
    mkdirSync(join(root, 'bench', 'golden'), { recursive: true });
    writeFileSync(file, `${JSON.stringify(parsed)}\n`);
  } else if (readFileSync(file, 'utf8').trim() !== JSON.stringify(parsed)) {
    throw new Error(`${scenario.id}: the answer differs from bench/golden/${scenario.id}.json (regenerate with --update-golden if the dataset changed on purpose)`);
  }
}

function render() {
  const f = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  const lines = [
    `# Benchmark results`,
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; SQLite (node:sqlite); national dataset in ${opt.data}.`,
    `Run: ${new Date(started).toISOString()}; ${connections} connections; warm-up ${warmup} s each; ${memoryRuns} runs of our gateway back to back after its warm-up (memory); then ${pairs} pairs A B of ${duration} s; ratio = median of per-pair RPS ratios.`,
    `Everything NODE_ENV=production. Subgraphs in signed trust mode: both gateways sign their calls with the same secret (Hive Gateway through a plugin), all anonymous reads; our gateway with the rate limit raised; Hive Gateway ${'2.15.1'} with --hive-router-runtime on the committed supergraph.`,
    `Built stack answered its first query ${ready.ms} ms after the gateway was started (${ready.ok ? 'ok' : 'failed'}).`,
    '',
    '| scenario | settings | target | RPS | p50 ms | p95 ms | p99 ms | errors | CPU s / 1k req (target · subgraphs) | peak RSS MB (target · subgraphs) | SQL / req | ratio A/B |',
    '|---|---|---|---:|---:|---:|---:|---:|---|---|---:|---:|',
  ];
  for (const row of rows) {
    if (row.failed) {
      lines.push(`| ${row.scenario.id} ${row.scenario.title} | ${row.setting} | golden check failed: ${row.failed.replaceAll('|', '/')} | | | | | | | | | |`);
      continue;
    }
    for (const [key, target] of [['a', row.a], ['b', row.b]]) {
      const rs = row.runs[key];
      const m = (pick) => median(rs.map(pick));
      const subs = ['territory', 'governance', 'production', 'budget'];
      lines.push(`| ${row.scenario.id} ${row.scenario.title} | ${row.setting} | ${target.name} | ${f(m((r) => r.rps))} | ${f(m((r) => r.p50))} | ${f(m((r) => r.p95))} | ${f(m((r) => r.p99))} | ${rs.reduce((n, r) => n + r.errors, 0)} | ${f(m((r) => r.cpuPer1000[target.name]), 2)} · ${subs.map((s) => f(m((r) => r.cpuPer1000[s]), 2)).join(' / ')} | ${f(Math.max(...rs.map((r) => r.peakRss[target.name])))} · ${subs.map((s) => f(Math.max(...rs.map((r) => r.peakRss[s])))).join(' / ')} | ${f(m((r) => r.statementsPerRequest ?? NaN), 1)} | ${key === 'a' ? f(row.ratio, 2) : ''} |`);
    }
    // Peak RSS per run and the growth from the first run to the largest later one, for every process.
    const growth = (list) => (name) => {
      const peaks = list.map((r) => r.peakRss[name]);
      return `${name} ${peaks.map((p) => f(p)).join(' → ')} (${peaks.length > 1 ? f(((Math.max(...peaks.slice(1)) - peaks[0]) / peaks[0]) * 100, 1) : '–'} %)`;
    };
    const names = [row.a.name, 'territory', 'governance', 'production', 'budget'];
    if (row.memory.length) lines.push(`| ${row.scenario.id} peak RSS MB, ${row.memory.length} runs back to back | ${row.setting} | ${names.map(growth(row.memory)).join('; ')} | | | | | | | | | |`);
    lines.push(`| ${row.scenario.id} peak RSS MB of our runs in the pairs (each after one of ${row.b.name}) | ${row.setting} | ${names.map(growth(row.runs.a)).join('; ')} | | | | | | | | | |`);
    const pairedFloor = row.alone ? `, timed after each of the ${row.alone.ratios.length} runs below (median)` : '';
    if (row.floorSql) lines.push(`| ${row.scenario.id} raw-SQL floor | | ${row.floorSql.statements} statements alone${pairedFloor} | | ${f(row.floorSql.p50, 1)} | ${f(row.floorSql.p95, 1)} | | | | | | |`);
    if (row.alone) lines.push(`| ${row.scenario.id} one request at a time | ${row.setting} | ${row.a.name}, 1 connection, ${row.alone.ratios.length} runs of ${row.alone.seconds} s (median) | ${f(row.alone.rps)} | ${f(row.alone.p50, 1)} | ${f(row.alone.p95, 1)} | ${f(row.alone.p99, 1)} | ${row.alone.errors} | | | | p50 / floor p50: ${f(row.alone.ratio, 2)} (median of pairs; ${row.alone.ratios.map((r) => f(r, 2)).join(', ')}) |`);
  }
  return `${lines.join('\n')}\n`;
}
