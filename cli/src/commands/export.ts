import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toCsv } from '../csv.js';
import { gatewayUrl } from '../graphql-client.js';
import { readOpenData } from '../open-data.js';
import { Progress } from '../progress.js';
import { ENTITIES, exportColumns } from '../registry-columns.js';
import { UsageError, wantsHelp } from '../usage.js';

export const usage = `comuna export — the registry's open data, read through the gateway's public API (no token needed)

Usage: comuna export --out <folder> [--gateway <url>] [--quiet]

Writes into <folder> (created if missing):
  states.csv            the 23 states and the Capital District with their census figures
  councils.csv          communal councils          ┐ same columns as comuna import takes,
  communes.csv          communes                   │ plus read-only context columns (ids, place names,
  communal-cities.csv   communal cities            ┘ figures) that import skips
  circuits.csv          communal circuits
  communes.geojson      communes with their figures (boundary, or centroid when there is none)

Lists of codes share one cell, separated by ";". Files are UTF-8, RFC 4180 CSV.

  --out <folder>     where to write (required)
  --gateway <url>    the gateway's GraphQL URL (default: $COMUNA_GATEWAY or http://127.0.0.1:4000/graphql)
  --quiet            no progress bars
  --help             this help`;

const STATE_COLUMNS = ['id', 'code', 'name', 'households', 'families', 'population', 'councils'];
const CIRCUIT_COLUMNS = ['id', 'code', 'name', 'stateName', 'communeCode', 'status', 'registeredOn', 'councilCodes'];

export async function exportCommand(args: string[]): Promise<number> {
  if (wantsHelp(args, usage)) return 0;
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, gateway: { type: 'string' }, quiet: { type: 'boolean' } } });
  if (!values.out) throw new UsageError('comuna export needs --out <folder> (see comuna export --help)');
  const url = gatewayUrl(values.gateway);
  const out = resolve(values.out);
  const bars = new Map<string, Progress>();
  const data = await readOpenData(url, (entity, got, total) => {
    let bar = bars.get(entity);
    if (!bar) bars.set(entity, (bar = new Progress(entity.padEnd(15), total, process.stderr, values.quiet)));
    bar.update(got);
    if (got >= total) bar.finish();
  });
  mkdirSync(out, { recursive: true });
  const files: [string, string][] = [
    ['states.csv', toCsv(STATE_COLUMNS, data.states)],
    [ENTITIES.councils.file, toCsv(exportColumns(ENTITIES.councils), data.councils)],
    [ENTITIES.communes.file, toCsv(exportColumns(ENTITIES.communes), data.communes)],
    [ENTITIES.communalCities.file, toCsv(exportColumns(ENTITIES.communalCities), data.communalCities)],
    ['circuits.csv', toCsv(CIRCUIT_COLUMNS, data.circuits)],
    ['communes.geojson', JSON.stringify(data.communesGeoJson, null, 1) + '\n'],
  ];
  for (const [name, text] of files) writeFileSync(join(out, name), text);
  console.log(
    `Exported to ${out}: ${data.states.length} states, ${data.councils.length} councils, ${data.communes.length} communes, ` +
      `${data.communalCities.length} communal cities, ${data.circuits.length} circuits, ${data.communesGeoJson.features.length} communes on the map`,
  );
  return 0;
}
