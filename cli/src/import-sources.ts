// Reading registry rows from the files a person hands to `comuna import`: an export folder, CSV files (one entity
// each) or JSON files. Each row keeps where it came from, so every rejection names a file and a line.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseCsv } from './csv.js';
import { ENTITIES, IMPORT_ORDER, toInputRow, unknownColumns, type EntityName } from './registry-columns.js';
import { DataError, UsageError } from './usage.js';

export interface SourceRow {
  entity: EntityName;
  /** `councils.csv line 4`, `data.json communes[2]`. */
  where: string;
  code: string | undefined;
  /** The importRegistry input row, when it passed the local checks. */
  input?: Record<string, unknown>;
  /** Why it failed the local checks (types, required columns). */
  problem?: string;
}

export interface Sources {
  rows: SourceRow[];
  warnings: string[];
}

const TYPE_NAMES: Record<string, EntityName> = { councils: 'councils', communes: 'communes', 'communal-cities': 'communalCities', cities: 'communalCities' };

/** `--type` wins; otherwise the file name says which entity a CSV holds. */
function entityOfCsv(file: string, type: string | undefined): EntityName {
  if (type) {
    const entity = TYPE_NAMES[type];
    if (!entity) throw new UsageError(`--type must be councils, communes or communal-cities; got "${type}"`);
    return entity;
  }
  const name = basename(file).toLowerCase();
  if (name.includes('cit')) return 'communalCities';
  if (name.includes('commune')) return 'communes';
  if (name.includes('council')) return 'councils';
  throw new UsageError(`Cannot tell what ${basename(file)} holds from its name; add --type councils|communes|communal-cities`);
}

function rowOf(entity: EntityName, where: string, values: Record<string, unknown>): SourceRow {
  const code = values.code == null || values.code === '' ? undefined : String(values.code);
  try {
    return { entity, where, code, input: toInputRow(ENTITIES[entity], values) };
  } catch (error) {
    return { entity, where, code, problem: (error as Error).message };
  }
}

function readCsv(file: string, entity: EntityName, out: Sources): void {
  let table;
  try {
    table = parseCsv(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DataError(`${basename(file)}: ${(error as Error).message}`);
  }
  const spec = ENTITIES[entity];
  const missing = spec.input.filter((c) => c.required && !table.columns.includes(c.name)).map((c) => c.name);
  if (missing.length) throw new DataError(`${basename(file)} has no column ${missing.join(', ')} (needed for ${entity}; see comuna import --help)`);
  const unknown = unknownColumns(spec, table.columns);
  if (unknown.length) out.warnings.push(`${basename(file)}: ignored unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
  for (const record of table.records) out.rows.push(rowOf(entity, `${basename(file)} line ${record.line}`, record.values));
}

function readJson(file: string, out: Sources): void {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DataError(`${basename(file)} is not JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new DataError(`${basename(file)} must hold an object with councils, communes and/or communalCities lists`);
  const lists = data as Record<string, unknown>;
  const unknown = Object.keys(lists).filter((k) => !IMPORT_ORDER.includes(k as EntityName));
  if (unknown.length) out.warnings.push(`${basename(file)}: ignored ${unknown.join(', ')} (an import takes councils, communes and communalCities)`);
  for (const entity of IMPORT_ORDER) {
    const list = lists[entity];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new DataError(`${basename(file)}: ${entity} must be a list`);
    list.forEach((item, i) => {
      const where = `${basename(file)} ${entity}[${i}]`;
      if (typeof item !== 'object' || item === null) out.rows.push({ entity, where, code: undefined, problem: 'a row must be an object' });
      else out.rows.push(rowOf(entity, where, item as Record<string, unknown>));
    });
  }
}

/** Reads every path (folders, .csv, .json), rows in import order: councils, then communes, then communal cities. */
export function readSources(paths: readonly string[], type: string | undefined): Sources {
  const out: Sources = { rows: [], warnings: [] };
  for (const path of paths) {
    if (!existsSync(path)) throw new UsageError(`${path}: no such file or folder`);
    if (statSync(path).isDirectory()) {
      const files = IMPORT_ORDER.map((entity) => [entity, join(path, ENTITIES[entity].file)] as const).filter(([, file]) => existsSync(file));
      if (!files.length) throw new UsageError(`${path} holds none of ${IMPORT_ORDER.map((e) => ENTITIES[e].file).join(', ')}`);
      for (const [entity, file] of files) readCsv(file, entity, out);
    } else if (path.toLowerCase().endsWith('.json')) readJson(path, out);
    else if (path.toLowerCase().endsWith('.csv')) readCsv(path, entityOfCsv(path, type), out);
    else throw new UsageError(`${path}: import reads .csv and .json files or an export folder`);
  }
  // Stable sort: file order within an entity, entities in the order later rows depend on earlier ones.
  out.rows.sort((a, b) => IMPORT_ORDER.indexOf(a.entity) - IMPORT_ORDER.indexOf(b.entity));
  return out;
}
