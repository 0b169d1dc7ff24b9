import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gatewayUrl } from '../graphql-client.js';
import { readSources } from '../import-sources.js';
import { Progress } from '../progress.js';
import { describe, sendBatch, type Rejection } from '../registry-import.js';
import { DataError, UsageError, wantsHelp } from '../usage.js';

export const usage = `comuna import — registry data (communal councils, communes, communal cities) into the registry

Usage: comuna import <file-or-folder>... --mode atomic|per-row [--token <jwt>] [--gateway <url>]
                     [--type councils|communes|communal-cities] [--report <file.json>] [--batch <n>] [--quiet]

Reads CSV files (one entity each, the columns comuna export writes), JSON files ({"councils": [...],
"communes": [...], "communalCities": [...]}, the same field names) or an export folder. Rows go in the order
councils → communes → communal cities, so communes may name councils of the same import by code.

Every row is checked here (columns, numbers, dates, enum values) and then by the registry exactly as its single
mutations check them. Every refused row is reported with its file, line and reason. You choose what happens then:
  --mode atomic     all or nothing: if any row is refused, nothing is written (at most 1000 rows per import)
  --mode per-row    each valid row is written on its own; refused rows are reported and left out

Columns (* required):
  councils          code*, name*, parishCode* (OCD id), setting* (URBAN|RURAL|INDIGENOUS), families*, households,
                    population*, registeredOn* (YYYY-MM-DD), censusAsOf, status (REGISTERED|ACTIVE|INACTIVE)
  communes          code*, name*, kind* (URBAN|RURAL|MIXED|INDIGENOUS), councilCodes* (codes separated by ";",
                    the first one's state is the seat), foundedOn*, registeredOn (empty: still in formation), status,
                    formationStep, areaHectares, latitude, longitude
  communal-cities   code*, name*, communeCodes* (";"-separated), foundedOn*, status
Other columns of an export (ids, place names, figures) are skipped.

  --mode <mode>      atomic or per-row (required: there is no silent default)
  --token <jwt>      a token with the registry:write scope (default: $COMUNA_TOKEN); make one for development
                     with: comuna token --subject you --role REGISTRY_CLERK
  --gateway <url>    the gateway's GraphQL URL (default: $COMUNA_GATEWAY or http://127.0.0.1:4000/graphql)
  --type <entity>    what a CSV file holds, when its name does not say (councils.csv, communes.csv, communal-cities.csv)
  --report <file>    also write the report as JSON
  --batch <n>        rows per request in per-row mode (default 50)
  --quiet            no progress bar
  --help             this help

Exit status: 0 every row imported; 1 some row refused (atomic: nothing written); 2 a usage mistake.`;

export async function importCommand(args: string[]): Promise<number> {
  if (wantsHelp(args, usage)) return 0;
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      mode: { type: 'string' }, token: { type: 'string' }, gateway: { type: 'string' }, type: { type: 'string' },
      report: { type: 'string' }, batch: { type: 'string', default: '50' }, quiet: { type: 'boolean' },
    },
  });
  if (values.mode !== 'atomic' && values.mode !== 'per-row') throw new UsageError(`comuna import needs --mode atomic or --mode per-row${values.mode ? `; got "${values.mode}"` : ''}`);
  if (!positionals.length) throw new UsageError('comuna import needs at least one file or folder (see comuna import --help)');
  const batch = Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 1000) throw new UsageError(`--batch must be a whole number from 1 to 1000; got "${values.batch}"`);
  const token = values.token ?? process.env.COMUNA_TOKEN;
  if (!token) throw new UsageError('comuna import needs a token with registry:write: --token <jwt> or COMUNA_TOKEN (development: comuna token --subject you --role REGISTRY_CLERK)');
  const url = gatewayUrl(values.gateway);
  const atomic = values.mode === 'atomic';

  const { rows, warnings } = readSources(positionals, values.type);
  for (const warning of warnings) console.error(`warning: ${warning}`);
  if (!rows.length) throw new DataError('The files hold no rows to import');
  const rejected: Rejection[] = rows.filter((r) => r.problem).map((r) => ({ where: r.where, entity: r.entity, code: r.code, message: r.problem!, errorCode: 'LOCAL' }));
  const valid = rows.filter((r) => r.input);
  const importedIds: string[] = [];

  if (atomic && rejected.length === 0) {
    if (valid.length > 1000) throw new UsageError(`An atomic import takes at most 1000 rows; these files hold ${valid.length}. Split them, or use --mode per-row.`);
    const progress = new Progress('importing (atomic)', valid.length, process.stderr, values.quiet);
    const result = await sendBatch(url, token, valid, true);
    progress.update(valid.length);
    progress.finish();
    importedIds.push(...result.importedIds);
    rejected.push(...result.rejected);
  } else if (!atomic) {
    const progress = new Progress('importing (per row)', valid.length, process.stderr, values.quiet);
    for (let i = 0; i < valid.length; i += batch) {
      const part = valid.slice(i, i + batch);
      const result = await sendBatch(url, token, part, false);
      importedIds.push(...result.importedIds);
      rejected.push(...result.rejected);
      progress.advance(part.length);
    }
    progress.finish();
  }

  const committed = importedIds.length > 0;
  if (values.report) writeFileSync(values.report, JSON.stringify({ mode: values.mode, rows: rows.length, imported: importedIds.length, importedIds, rejected }, null, 2) + '\n');
  if (rejected.length === 0) {
    console.log(`Imported ${importedIds.length} of ${rows.length} rows (mode ${values.mode}).`);
    return 0;
  }
  console.log(
    atomic
      ? `Nothing imported (mode atomic): ${rejected.length} of ${rows.length} rows were refused. Fix them and import again, or use --mode per-row.`
      : `Imported ${importedIds.length} of ${rows.length} rows (mode per-row); ${rejected.length} refused${committed ? '' : ', nothing written'}.`,
  );
  console.log(`Refused rows:\n${rejected.map(describe).join('\n')}`);
  return 1;
}
