#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, nationalDataset, SUBGRAPHS } from './dataset.js';
import { loadDataset, targetUrls } from './load.js';
import { progressBar } from './progress.js';

const usage = `usage: comuna-national-data [--seed TEXT] [--scale 1] [--target sqlite:data/national | postgres://127.0.0.1:5432/comuna_national]
  Generates the national dataset (deterministic for a seed and scale) and loads it into one fresh database per
  subgraph: sqlite:<dir> writes <dir>/<subgraph>.sqlite; postgres://…/<prefix> creates databases <prefix>_<subgraph>.`;

const { values } = parseArgs({
  options: { seed: { type: 'string', default: DEFAULT_SEED }, scale: { type: 'string', default: '1' }, target: { type: 'string', default: 'sqlite:data/national' }, help: { type: 'boolean' } },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const scale = Number(values.scale);
const started = performance.now();
const dataset = nationalDataset(values.seed, scale);
const t = dataset.territory;
console.error(`seed "${dataset.seed}", scale ${scale}: ${t.states.length} states, ${t.municipalities.length} municipalities, ${t.parishes.length} parishes, ${t.councils.length} councils, ${t.communes.length} communes (${t.communes.filter((c) => c.history.at(-1)!.status === 'ACTIVE').length} active), ${t.communalCities.length} communal cities, ${t.circuits.length} circuits; built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const urls = targetUrls(values.target);
const bars = new Map<string, ReturnType<typeof progressBar>>();
const reports = await loadDataset(dataset, urls, (subgraph) => {
  [...bars.values()].at(-1)?.finish();
  const bar = progressBar(dataset.tables[subgraph].reduce((n, table) => n + table.count, 0), subgraph);
  bars.set(subgraph, bar);
  const seen = new Map<string, number>();
  return (table, written) => {
    bar.advance(written - (seen.get(table) ?? 0));
    seen.set(table, written);
  };
});
bars.get(SUBGRAPHS.at(-1)!)?.finish();
console.log(`\n| subgraph | rows | seconds | database |\n|---|---:|---:|---|`);
for (const r of reports) console.log(`| ${r.subgraph} | ${r.rows.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${r.databaseUrl} |`);
console.log(`\nnational dataset loaded in ${((performance.now() - started) / 1000).toFixed(1)} s (seed "${dataset.seed}", scale ${scale})`);
