import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { bulkLoadOf } from './bulk-load.js';
import { SUBGRAPHS, type NationalDataset, type SubgraphName } from './dataset.js';
import { prepareSchema } from './schema.js';
import { writePostgres, writeSqlite, type Progress } from './writer.js';

export interface LoadReport {
  subgraph: SubgraphName;
  databaseUrl: string;
  rows: number;
  seconds: number;
}

/** Where each subgraph's database goes: `sqlite:<dir>` gives `<dir>/<subgraph>.sqlite`; `postgres://…/<prefix>` gives databases `<prefix>_<subgraph>`. */
export function targetUrls(target: string): Record<SubgraphName, string> {
  if (target.startsWith('sqlite:')) {
    // Absolute, because each subgraph creating its schema runs from the repository root, not from here.
    const dir = resolve(target.slice('sqlite:'.length).replace(/\/$/, ''));
    mkdirSync(dir, { recursive: true });
    return Object.fromEntries(SUBGRAPHS.map((s) => [s, `sqlite:${dir}/${s}.sqlite`])) as Record<SubgraphName, string>;
  }
  if (target.startsWith('postgres://') || target.startsWith('postgresql://')) {
    const url = new URL(target);
    const prefix = url.pathname.slice(1) || 'comuna_national';
    return Object.fromEntries(SUBGRAPHS.map((s) => {
      const u = new URL(url);
      u.pathname = `/${prefix}_${s}`;
      return [s, u.toString()];
    })) as Record<SubgraphName, string>;
  }
  throw new Error(`target "${target}" is neither sqlite:<dir> nor postgres://host/<prefix>`);
}

async function ensurePostgresDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!exists.rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Creates each subgraph's schema through the subgraph, then bulk-loads its tables; returns rows and seconds per subgraph. */
export async function loadDataset(dataset: NationalDataset, urls: Record<SubgraphName, string>, progress: (subgraph: SubgraphName) => Progress): Promise<LoadReport[]> {
  const reports: LoadReport[] = [];
  for (const subgraph of SUBGRAPHS) {
    const url = urls[subgraph];
    const started = performance.now();
    if (url.startsWith('postgres')) await ensurePostgresDatabase(url);
    await prepareSchema(subgraph, url);
    const tables = dataset.tables[subgraph];
    if (url.startsWith('sqlite:')) writeSqlite(url.slice('sqlite:'.length), subgraph, tables, progress(subgraph), await bulkLoadOf(subgraph, 'sqlite'));
    else await writePostgres(url, subgraph, tables, progress(subgraph), await bulkLoadOf(subgraph, 'postgresql'));
    reports.push({ subgraph, databaseUrl: url, rows: tables.reduce((n, t) => n + t.count, 0), seconds: (performance.now() - started) / 1000 });
  }
  return reports;
}
