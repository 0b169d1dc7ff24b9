// `npm run -w @comuna/bench analytics [-- --runs 5]`: times the federated analytics of ADR 0005 on the national
// dataset, one request at a time (latency, not throughput): a commune's, a circuit's and a city's activity, the
// registry dashboard of a communal city, of the state with the most communes and of the nation (its per-quarter
// series derived from the per-month facts included), and per-inhabitant figures and trends for the 24 states.
// `--only <text>` keeps the queries whose title contains it; `--max-request-bytes` and `--deadline-ms` raise the
// subgraphs' request-body limit and the gateway's per-call deadline. Prints a table of the first (cold) request, the median and slowest of the following ones, SQL statements per
// request in each subgraph, and the response size. Nothing asserts a timing.
// Starts the subgraphs on their default ports like the benchmark: take /tmp/bench.lock first (see bench/README.md).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, root } from '../../scripts/processes.js';
import { startGateway, startSubgraphs, SUBGRAPHS } from './stack.js';

const { values: opt } = parseArgs({
  options: {
    data: { type: 'string', default: join(root, 'data', 'national') },
    runs: { type: 'string', default: '5' },
    only: { type: 'string', default: '' },
    // The national dashboard's calls exceed the defaults (1 MB request bodies, 5 s per subgraph call): raise them to see its cost.
    'max-request-bytes': { type: 'string', default: '' },
    'deadline-ms': { type: 'string', default: '' },
  },
});
const runs = Number(opt.runs);

const RULE = '{ windowMonths: 6, minimum: 2 }';
const ACTIVITY = `activity(rule: ${RULE}) { active met criteria { criterion lastOn holds } }`;
const DASHBOARD = `registryDashboard(rule: ${RULE}) { total registered active registeredInactive paperOnly byStatus { key count }
  quarters { period newlyRegistered newlyInactive activeByRuleAtEnd newlyInactiveByRule } }`;
const PERIOD = '{ from: "2024-11-01", to: "2026-10-31" }';

async function post(url, query) {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await response.text();
  const ms = performance.now() - started;
  const body = JSON.parse(text);
  if (response.status !== 200 || body.errors) throw new Error(`${response.status} ${text.slice(0, 600)}`);
  return { ms, bytes: Buffer.byteLength(text), data: body.data };
}

const counted = async (running) => Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, Number(await (await fetch(`http://127.0.0.1:${running[name].counter}/`)).text())])));

const counters = {};
for (const name of SUBGRAPHS) counters[name] = await freePort();
const limits = opt['max-request-bytes'] ? { MAX_REQUEST_BYTES: opt['max-request-bytes'] } : {};
const running = await startSubgraphs(opt.data, (name) => ({ NODE_OPTIONS: `--import=${join(root, 'bench', 'src', 'count-statements.js')}`, BENCH_COUNTER_PORT: String(counters[name]), ...limits }));
for (const [name, s] of Object.entries(running)) s.counter = counters[name];
const gateway = await startGateway(await freePort(), { env: opt['deadline-ms'] ? { SUBGRAPH_DEADLINE_MS: opt['deadline-ms'] } : {} });
const rows = [];
try {
  // The largest state by communes seated in it, and a communal city with communes.
  const stats = await post(gateway.url, '{ registryStatistics(filter: { bodyType: COMMUNE }) { total byState { state { id name } count } } communalCities(first: 1) { edges { node { id name communes { id } } } } }');
  const largest = stats.data.registryStatistics.byState.reduce((a, b) => (b.count > a.count ? b : a));
  const city = stats.data.communalCities.edges[0].node;
  const queries = [
    ['activity of one commune', `{ commune(id: "commune:1") { ${ACTIVITY} } }`],
    ['activity of one circuit', `{ communalCircuit(id: "circuit:1") { ${ACTIVITY} } }`],
    [`activity of one communal city (${city.communes.length} communes)`, `{ communalCity(id: "${city.id}") { ${ACTIVITY} } }`],
    [`dashboard of one communal city (${city.communes.length} communes)`, `{ communalCity(id: "${city.id}") { ${DASHBOARD} } }`],
    [`dashboard of ${largest.state.name} (${largest.count} communes)`, `{ state(id: "${largest.state.id}") { ${DASHBOARD} } }`],
    ['24 states: budget per inhabitant', `{ states { name budgetPerInhabitant(period: ${PERIOD}, currency: "VES") { receivedPerInhabitant spentPerInhabitant turnout ballotsPerInhabitant } } }`],
    ['24 states: budget, food and governance trends (8 quarters)', `{ states { name budgetTrend(period: ${PERIOD}, currency: "VES", bucket: QUARTER) { period spent { amount } turnout }
      foodTrend(period: ${PERIOD}, bucket: QUARTER) { period foods { product { code } ratio } } governanceTrend(period: ${PERIOD}, bucket: QUARTER) { period quorumRate } } }`],
    // Last: the largest, and one that fails leaves the subgraphs busy for a while.
    [`dashboard of the nation (${stats.data.registryStatistics.total} communes)`, `{ nation { ${DASHBOARD} } }`],
  ];
  for (const [title, query] of queries.filter(([title]) => title.includes(opt.only))) {
    const times = [];
    let statements;
    let bytes = 0;
    try {
      for (let i = 0; i <= runs; i++) {
        const before = await counted(running);
        const result = await post(gateway.url, query);
        const after = await counted(running);
        times.push(result.ms);
        bytes = result.bytes;
        statements = SUBGRAPHS.map((name) => after[name] - before[name]);
      }
    } catch (error) {
      // A timeout is a finding, not a reason to stop measuring the rest.
      rows.push({ title, error: String(error.message).slice(0, 160) });
      console.error(`${title}: ${error.message.slice(0, 3000)}`);
      continue;
    }
    const warm = times.slice(1).sort((a, b) => a - b);
    rows.push({ title, cold: times[0], median: warm[Math.floor(warm.length / 2)], max: warm.at(-1), statements, bytes });
    console.error(`${title}: ${times.map((t) => t.toFixed(0)).join(' ')} ms`);
  }
} finally {
  await gateway.stop().catch(() => undefined);
  for (const s of Object.values(running)) await s.stop().catch(() => undefined);
}

const f = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
console.log(`| query (through our gateway, one at a time) | first ms | median ms of ${runs} | slowest ms | SQL statements (${SUBGRAPHS.join(' / ')}) | response KB |`);
console.log('|---|---:|---:|---:|---|---:|');
for (const r of rows) console.log(r.error ? `| ${r.title} | failed: ${r.error} | | | | |` : `| ${r.title} | ${f(r.cold)} | ${f(r.median)} | ${f(r.max)} | ${r.statements.join(' / ')} | ${f(r.bytes / 1024)} |`);
