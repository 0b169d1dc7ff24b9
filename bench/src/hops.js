// `npm run -w @comuna/bench hops`: where scenario 3's time goes when it is sent alone. Starts the built subgraphs on
// the national dataset and our gateway, then times, one request at a time, the call the gateway makes to territory,
// each domain's `_entities` call for the 24 states (with the scopes territory answered), the whole query through the
// gateway, and the raw-SQL floor; then the CPU each process spent per scenario-3 request (what two cores must share).
// Then the federation's own cost, with no SQL to speak of: the gateway answering alone, and scenario 3's query plan
// (territory's 24 states, then the three domains' `_entities` calls) with fields that read no table; and what every
// process's garbage collector did over the timed s3 requests (gc-trace.js). Prints medians; asserts nothing.
import { join } from 'node:path';
import { freePort, root, subgraphs as subgraphAddresses } from '../../scripts/processes.js';
import { measureFloor } from './floor.js';
import { gcCounter, gcTraceImport } from './gc-trace.js';
import { cpuSeconds } from './proc.js';
import { PERIOD, ROLLUP_SELECTIONS, scenarios } from './scenarios.js';
import { signedHeaders } from './signing.js';
import { startGateway, startSubgraphs } from './stack.js';

const RUNS = Number(process.env.HOPS_RUNS ?? 100);
// Untimed requests before each measure. A few are not enough: V8 still optimises the gateway's and the subgraphs'
// per-request code after hundreds of requests (with 10, the plan without SQL measured 13.6 ms where 2,000 warm-up
// requests brought it to 8.1–8.8 ms, and the gateway's main thread spent 9.1 ms of CPU per roll-up, against 7.0).
const WARMUP = Number(process.env.HOPS_WARMUP ?? 300);
const SCOPE = 'scope { everything councilIds communeIds circuitIds stateId }';
// What scenario 3's query plan fetches from territory; each domain is then sent its selection.
const TERRITORY = `{ states { __typename id name census { population } ${SCOPE} } }`;
/** Scenario 3's query plan, hop for hop, with fields no subgraph reads a table for (territory lists its 24 states). */
const SKELETON = `{ states { name governance(period: ${PERIOD}) { from } production(period: ${PERIOD}) { from } budget(period: ${PERIOD}, currency: "USD") { currency } } }`;
// A subgraph answers only signed calls (the gateway signs its own); signing costs microseconds, inside the timing.
const SUBGRAPH_URLS = new Set(Object.values(subgraphAddresses).map((s) => s.url));

const post = async (url, query, variables) => {
  const body = JSON.stringify({ query, variables });
  const signed = SUBGRAPH_URLS.has(url) ? signedHeaders(body) : {};
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signed }, body });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${url}: ${text.slice(0, 300)}`);
  return text;
};

/**
 * Median and fastest of RUNS calls after WARMUP untimed ones; with `processes`, also their CPU per timed call and,
 * with `gc`, what their collections did over the timed calls.
 */
async function time(url, query, variables, processes = {}, gc) {
  for (let i = 0; i < WARMUP; i++) await post(url, query, variables);
  const cpuBefore = Object.fromEntries(Object.entries(processes).map(([name, p]) => [name, cpuSeconds(p.child.pid)]));
  gc?.start();
  const times = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    bytes = (await post(url, query, variables)).length;
    times.push(performance.now() - started);
  }
  const cpu = Object.entries(processes).map(([name, p]) => [name, ((cpuSeconds(p.child.pid) - cpuBefore[name]) * 1000) / RUNS]);
  const collections = gc?.stop();
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(RUNS / 2)], min: times[0], bytes, cpu, collections };
}

const data = join(root, 'data', 'national');
// Every process prints its collections, so that what each promotes per roll-up is counted (gc-trace.js).
const subgraphs = await startSubgraphs(data, () => ({ NODE_OPTIONS: gcTraceImport }));
// Request sharing off: each timed request executes (one at a time, nothing would be shared anyway).
const gateway = await startGateway(await freePort(), { plain: true, nodeOptions: gcTraceImport });
const gc = gcCounter({ gateway, ...subgraphs });
try {
  const rows = [];
  rows.push(['territory: 24 states with census and scope', await time(subgraphs.territory.url, TERRITORY)]);
  const states = JSON.parse(await post(subgraphs.territory.url, TERRITORY)).data.states;
  const representations = states.map((s) => ({ __typename: 'Territory', id: s.id, scope: s.scope }));
  for (const [name, selection] of Object.entries(ROLLUP_SELECTIONS)) {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { ${selection} } } }`;
    rows.push([`${name}: _entities for the 24 states`, await time(subgraphs[name].url, query, { r: representations })]);
  }
  const whole = await time(gateway.url, scenarios.find((s) => s.id === 's3').query, undefined, { gateway, ...subgraphs }, gc);
  rows.push(['s3 through our gateway', whole]);
  const { cpu } = whole;
  const gatewayAlone = await time(gateway.url, '{ __typename }');
  const skeleton = await time(gateway.url, SKELETON);
  rows.push(['our gateway alone: `{ __typename }`', gatewayAlone], ["s3's query plan with fields that read no table", skeleton]);
  const floor = measureFloor(data);
  const lines = ['| call, sent alone | p50 ms | min ms | answer bytes |', '|---|---|---|---|'];
  for (const [name, r] of rows) lines.push(`| ${name} | ${r.p50.toFixed(1)} | ${r.min.toFixed(1)} | ${r.bytes} |`);
  lines.push(`| raw-SQL floor (${floor.statements} statements, one connection) | ${floor.p50.toFixed(1)} | ${floor.min.toFixed(1)} | |`);
  const total = cpu.reduce((sum, [, ms]) => sum + ms, 0);
  lines.push('', `CPU ms per s3 request, one at a time: ${cpu.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ')}; ${total.toFixed(1)} in all (${(total / 2).toFixed(1)} ms of wall time at the least on two cores)`);
  lines.push(
    `Collections per s3 request, one at a time (KB promoted by young collections; young and full collections per 100 requests): ${Object.entries(whole.collections)
      .map(([name, c]) => `${name} ${(c.promoted / 1024 / RUNS).toFixed(1)} KB (${((c.young * 100) / RUNS).toFixed(0)} young, ${((c.full * 100) / RUNS).toFixed(0)} full)`)
      .join(', ')}`,
  );
  const allowed = 1.3 * floor.p50;
  const slowest = Object.entries(floor.byDomain).sort((a, b) => b[1] - a[1])[0];
  const sql = Object.values(floor.byDomain).reduce((sum, ms) => sum + ms, 0);
  lines.push(
    '',
    `The floor's SQL by domain: ${Object.entries(floor.byDomain).map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ')} ms. Through the federation the four subgraphs' calls run at once (the domains' sent ahead with territory's, ADR 0008): at the floor's own speed on two cores, at least ${Math.max(slowest[1], sql / 2).toFixed(1)} ms (${slowest[0]}'s, or half of all of it).`,
    `Without SQL, s3's plan takes ${skeleton.p50.toFixed(1)} ms (${(skeleton.p50 / floor.p50).toFixed(2)}× the floor); 1.3× the floor (${allowed.toFixed(1)} ms) leaves ${(allowed - skeleton.p50).toFixed(1)} ms for that SQL.`,
  );
  console.log(lines.join('\n'));
} finally {
  for (const s of [gateway, ...Object.values(subgraphs)]) await s.stop();
}
