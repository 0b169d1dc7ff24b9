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
 * The state summaries of budget and governance on a generated national dataset: loaded the way the generator
 * loads it (the subgraph makes the schema and its triggers, then bulk inserts), every state and the nation must
 * answer the same from the summaries as from the bodies territory lists for it.
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
const BUDGET = `query($r: [_Any!]!, $from: Date!, $to: Date!, $currency: String!) { _entities(representations: $r) { ... on Territory { id
  budget(period: { from: $from, to: $to }, currency: $currency) { received { amount } committed { amount } spent { amount } executionRate projectsByStatus { status count }
    consultations { rounds eligibleVoters ballotsCast turnout winningProposals(first: 100) { totalCount edges { node { id } } } } } } } }`;
const GOVERNANCE = `query($r: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $r) { ... on Territory { id
  governance(period: { from: $from, to: $to }) { assembliesHeld quorateAssemblies quorumRate averageAttendance attendanceRate lastAssemblyOn decisionsAdopted decisionsVoid activeMandates recalls } } } }`;
/** Per subgraph: the figures asked, their periods (and currency), and the field that must not be empty for the nation. */
const CHECKS = {
  budget: { query: BUDGET, field: 'budget', periods: [['USD', '2025-11-01', '2026-10-31'], ['VES', '2024-01-01', '2026-12-31'], ['USD', '2024-02-10', '2024-09-20']] },
  governance: { query: GOVERNANCE, field: 'governance', periods: [[null, '2025-11-01', '2026-10-31'], [null, '2023-01-01', '2026-12-31'], [null, '2024-06-30', '2024-06-30']] },
} as const;

// The kit's PostgreSQL for tests: a fresh database per target; where CI requires PostgreSQL, an unreachable one fails.
const postgres = (await testDatabases()).find((db) => db.kind === 'postgresql');
async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  return postgres?.create();
}

const dir = mkdtempSync(join(tmpdir(), 'comuna-summaries-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const targets = (['budget', 'governance'] as const).flatMap((subgraph) => {
  const tables = dataset.tables[subgraph];
  return [
    // SQLite the way the generator loads it (triggers off, summaries rebuilt); PostgreSQL row by row through the triggers.
    { subgraph, kind: 'sqlite', url: async () => `sqlite:${dir}/${subgraph}.sqlite`, write: async (url: string) => writeSqlite(url.slice('sqlite:'.length), subgraph, tables, () => undefined, await bulkLoadOf(subgraph, 'sqlite')) },
    {
      subgraph,
      kind: 'postgresql',
      url: async () => {
        const db = await postgresDatabase();
        if (db) cleanups.push(db.drop);
        return db?.url;
      },
      write: (url: string) => writePostgres(url, subgraph, tables, () => undefined),
    },
  ];
});

describe.each(targets)('$subgraph state summaries on a generated national dataset ($kind)', (target) => {
  it('answers every state and the nation from the summaries as from the listed bodies', async (context) => {
    const url = await target.url();
    if (!url) return context.skip();
    await prepareSchema(target.subgraph, url);
    await target.write(url);
    const port = await freePort();
    const server = await launch(target.subgraph, subgraphEntry(target.subgraph), { PORT: String(port), DATABASE_URL: url, SEED: 'none', TRUST_MODE: 'open' }, `http://127.0.0.1:${port}/ready`, { quiet: true });
    const check = CHECKS[target.subgraph];
    try {
      const ask = async (reps: object[], [currency, from, to]: readonly [string | null, string, string]) => {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: check.query, variables: { r: reps, from, to, ...(currency ? { currency } : {}) } }),
        });
        const body = (await response.json()) as { data?: { _entities: Record<string, unknown>[] }; errors?: unknown };
        expect(body.errors).toBeUndefined();
        return body.data!._entities.map((e) => e[check.field]);
      };
      expect(STATES).toHaveLength(24);
      for (const period of check.periods) {
        const bySummary = await ask(STATES.map((s) => ({ __typename: 'Territory', id: `state:${s}`, scope: { everything: false, councilIds: [], communeIds: [], circuitIds: [], stateId: `state:${s}` } })), period);
        const byList = await ask(STATES.map((s) => ({ __typename: 'Territory', id: `state:${s}`, scope: listed(s) })), period);
        expect(bySummary).toEqual(byList);
        const all = { everything: false, councilIds: STATES.flatMap((s) => listed(s).councilIds), communeIds: STATES.flatMap((s) => listed(s).communeIds), circuitIds: STATES.flatMap((s) => listed(s).circuitIds) };
        const [nation, everyBody] = await ask([{ __typename: 'Territory', id: 'nation:ve', scope: { everything: true, councilIds: [], communeIds: [], circuitIds: [] } }, { __typename: 'Territory', id: 'nation:listed', scope: all }], period);
        expect(nation).toEqual(everyBody);
      }
      const [whole] = await ask([{ __typename: 'Territory', id: 'nation:ve', scope: { everything: true, councilIds: [], communeIds: [], circuitIds: [] } }], check.periods[1]);
      expect(JSON.stringify(whole)).toMatch(target.subgraph === 'budget' ? /"received":\{"amount":"[1-9]/ : /"assembliesHeld":[1-9]/);
    } finally {
      await server.stop();
    }
  }, 180_000);
});
