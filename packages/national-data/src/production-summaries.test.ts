import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript shared with `npm start`
import { freePort, launch, subgraphEntry } from '../../../scripts/processes.js';
import { bulkLoadOf } from './bulk-load.js';
import { nationalDataset } from './dataset.js';
import { prepareSchema } from './schema.js';
import { writePostgres, writeSqlite } from './writer.js';

/**
 * Production's state summaries on a generated national dataset, loaded the way the generator loads it (the
 * subgraph makes the schema, the bulk load takes the triggers off and rebuilds the summaries once): every state
 * and the nation must answer the same from the summaries as from the bodies territory lists for it.
 */
const dataset = nationalDataset('summaries-test', 0.005);
const t = dataset.territory;
const STATES = [...new Set(t.councils.map((c) => c.stateId))].sort((a, b) => a - b);
const listed = (state: number) => ({
  everything: false,
  councilIds: t.councils.filter((c) => c.stateId === state).map((c) => `council:${c.id}`),
  communeIds: t.communes.filter((c) => c.seatStateId === state).map((c) => `commune:${c.id}`),
  circuitIds: t.circuits.filter((c) => c.stateId === state).map((c) => `circuit:${c.id}`),
});
const FOODS = dataset.tables.production.find((x) => x.name === 'product')!;
const productIds = [...FOODS.rows()].slice(0, 3).map((row) => `product:${row[0]}`);
const FIGURES = `query($r: [_Any!]!, $from: Date!, $to: Date!, $products: [ID!]!) { _entities(representations: $r) { ... on Territory { id
  production(period: { from: $from, to: $to }) { activeUnits workers total(productIds: $products, unit: KILOGRAM) { value }
    outputByProduct { product { code } quantity { value unit } reports }
    outputByUnitType { type activeUnits workers output { product { code } quantity { value } reports } }
    exchange { byProduct { product { code } inflow { value } outflow { value } } byCurrency { currency inflow { amount } outflow { amount } } } }
  foodSelfSufficiency(period: { from: $from, to: $to }) { product { code } output { value } need { value } ratio } } } }`;
// A year, a span starting and ending mid-month (units founded late in its last month), and the whole range.
const PERIODS = [['2025-11-01', '2026-10-31'], ['2024-02-10', '2024-09-20'], ['2015-01-01', '2026-12-31']] as const;

// The kit's PostgreSQL for tests: a fresh database per target; where CI requires PostgreSQL, an unreachable one fails.
const postgres = (await testDatabases()).find((db) => db.kind === 'postgresql');
async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  return postgres?.create();
}

const dir = mkdtempSync(join(tmpdir(), 'comuna-production-summaries-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const tables = dataset.tables.production;
const targets: { kind: 'sqlite' | 'postgresql'; url: () => Promise<string | undefined>; write(url: string): Promise<void> }[] = [
  { kind: 'sqlite', url: async () => `sqlite:${dir}/production.sqlite`, write: async (url) => writeSqlite(url.slice('sqlite:'.length), 'production', tables, () => undefined, await bulkLoadOf('production', 'sqlite')) },
  {
    kind: 'postgresql',
    url: async () => {
      const db = await postgresDatabase();
      if (db) cleanups.push(db.drop);
      return db?.url;
    },
    write: async (url) => writePostgres(url, 'production', tables, () => undefined, await bulkLoadOf('production', 'postgresql')),
  },
];

describe.each(targets)('production state summaries on a generated national dataset ($kind)', (target) => {
  it('answers every state and the nation from the summaries as from the listed bodies', async (context) => {
    const url = await target.url();
    if (!url) return context.skip();
    expect(await bulkLoadOf('production', target.kind)).toBeDefined();
    await prepareSchema('production', url);
    await target.write(url);
    const port = await freePort();
    const env = { PORT: String(port), DATABASE_URL: url, SEED: 'none', TRUST_MODE: 'open', TERRITORY_URL: 'sample' };
    const production = await launch('production', subgraphEntry('production'), env, `http://127.0.0.1:${port}/ready`, { quiet: true });
    try {
      const ask = async (reps: object[], [from, to]: readonly [string, string]) => {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: FIGURES, variables: { r: reps.map((r) => ({ ...r, census: { population: 1000 } })), from, to, products: productIds } }),
        });
        const body = (await response.json()) as { data?: { _entities: Record<string, unknown>[] }; errors?: unknown };
        expect(body.errors).toBeUndefined();
        return body.data!._entities.map(({ id: _id, ...figures }) => figures);
      };
      expect(STATES).toHaveLength(24);
      for (const period of PERIODS) {
        const bySummary = await ask(STATES.map((s) => ({ __typename: 'Territory', id: `state:${s}`, scope: { everything: false, councilIds: [], communeIds: [], circuitIds: [], stateId: `state:${s}` } })), period);
        const byList = await ask(STATES.map((s) => ({ __typename: 'Territory', id: `state:${s}`, scope: listed(s) })), period);
        expect(bySummary).toEqual(byList);
        const all = { everything: false, councilIds: STATES.flatMap((s) => listed(s).councilIds), communeIds: STATES.flatMap((s) => listed(s).communeIds), circuitIds: [] };
        const [nation, everyBody] = await ask([{ __typename: 'Territory', id: 'nation:ve', scope: { everything: true, councilIds: [], communeIds: [], circuitIds: [] } }, { __typename: 'Territory', id: 'nation:listed', scope: all }], period);
        // The nation's exchange is empty by definition (both ends of every flow lie inside); the listed nation agrees.
        expect(nation).toEqual(everyBody);
        expect((nation as { production: { activeUnits: number } }).production.activeUnits).toBeGreaterThan(0);
      }
    } finally {
      await production.stop();
    }
  }, 180_000);
});
