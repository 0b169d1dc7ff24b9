import { testDatabases } from '@comuna/subgraph-kit/testing';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBodyStates } from '../src/bodies.js';
import { recordBodyStates } from '../src/body-states.js';
import { rebuildStatements } from '../src/summaries/contributions.js';
import { production, territory } from './expected.js';
import { KEYED_TABLES, startProduction, type ProductionHarness } from './harness.js';

/**
 * A state's figures have two paths: the listed bodies (how every level below a state is answered) and the state
 * summaries the triggers keep. Both must give the same answers, before and after writes, on both databases.
 */
const FIGURES = `query($r: [_Any!]!, $period: PeriodInput!) { _entities(representations: $r) { ... on Territory { id
  production(period: $period) { activeUnits workers total(productIds: ["product:1", "product:2", "product:4"], unit: KILOGRAM) { value }
    outputByProduct { product { code } quantity { value } reports }
    outputByUnitType { type activeUnits workers output { product { code } quantity { value } reports } }
    exchange { byProduct { product { code } inflow { value } outflow { value } } byCurrency { currency inflow { amount } outflow { amount } } } }
  foodSelfSufficiency(period: $period) { product { code } output { value } need { value } } } } }`;
const REGISTER = `mutation($input: RegisterProductionUnitInput!) { registerProductionUnit(input: $input) { id } }`;
const REPORT = `mutation($input: ReportProductionInput!) { reportProduction(input: $input) { outcome } }`;

const bodyStates = sampleBodyStates();
const STATES = [...new Set(bodyStates.values())].sort();
const stateOf = (body: string) => bodyStates.get(body)!;
/** The bodies territory lists for a state: councils in it, communes seated in it, circuits registered in it. */
const listedScope = (state: string) => ({
  everything: false,
  councilIds: [...bodyStates].filter(([b, s]) => b.startsWith('council:') && s === state).map(([b]) => b),
  communeIds: [...bodyStates].filter(([b, s]) => b.startsWith('commune:') && s === state).map(([b]) => b),
  circuitIds: territory.circuits.filter((c) => `state:${c.stateId}` === state).map((c) => `circuit:${c.id}`),
});
const byState = (state: string) => ({ __typename: 'Territory', id: state, scope: { everything: false, councilIds: [], communeIds: [], circuitIds: [], stateId: state }, census: { population: 50_000 } });
const byList = (state: string) => ({ __typename: 'Territory', id: state, scope: listedScope(state), census: { population: 50_000 } });
const nation = { __typename: 'Territory', id: 'nation:ve', scope: { everything: true, councilIds: [], communeIds: [], circuitIds: [] }, census: { population: 50_000 } };
const everyBody = { __typename: 'Territory', id: 'nation:ve', scope: { everything: false, councilIds: [...bodyStates.keys()], communeIds: [], circuitIds: [] }, census: { population: 50_000 } };

const PERIODS = [
  { from: '2025-01-01', to: '2025-12-31' },
  // Starts and ends mid-month: a unit founded in the last month counts only up to the period's last day.
  { from: '2024-03-15', to: '2024-03-20' },
  { from: '2010-01-01', to: '2026-12-31' },
];

describe.each(await testDatabases())('production state summaries on $kind', (database) => {
  let t: ProductionHarness;
  let em: SqlEntityManager;
  beforeAll(async () => {
    t = await startProduction(database);
    em = t.subgraph.orm.em.fork() as SqlEntityManager;
  });
  afterAll(() => t?.close());

  const figures = async (reps: object[], period: object) => {
    const result = await t.run(FIGURES, { r: reps, period });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!._entities.map(({ id: _id, ...rest }: Record<string, unknown>) => rest);
  };
  /** Both paths for every sample state, and the nation against every body listed. */
  async function pathsAgree(period: object) {
    expect(await figures(STATES.map(byState), period)).toEqual(await figures(STATES.map(byList), period));
    const [summed, listed] = await figures([nation, everyBody], period);
    // Every flow lies inside the nation: the listed nation balances to nothing as well.
    expect(summed).toEqual(listed);
  }
  const summaries = async () => {
    const dump: Record<string, unknown> = {};
    for (const [table, key] of Object.entries(KEYED_TABLES)) {
      if (table === 'body_state') continue;
      // Triggers may leave rows that netted to zero; a rebuild does not write them.
      dump[table] = await em.execute(`select * from ${table} where ${table.endsWith('units') ? 'units' : 'reports'} <> 0 order by ${key}`);
    }
    return JSON.stringify(dump, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  };
  /** The summaries the triggers kept equal the summaries rebuilt from the facts. */
  async function summariesMatchFacts() {
    const kept = await summaries();
    await em.transactional(async (tx) => {
      for (const statement of rebuildStatements()) await tx.execute(statement);
    });
    expect(await summaries()).toBe(kept);
  }

  it('has a state for every sample body and summaries matching the facts', async () => {
    expect(STATES.length).toBeGreaterThan(3);
    const rows = await em.execute('select count(*) as n from body_state');
    expect(Number(rows[0]!.n)).toBe(bodyStates.size);
    await summariesMatchFacts();
  });

  it.each(PERIODS)('answers every state and the nation the same from summaries as from listed bodies ($from to $to)', async (period) => {
    await pathsAgree(period);
  });

  it('answers a state\'s analytics facts (last month reported, food trend) from its bodies in body_state, without the lists', async () => {
    const ANALYTICS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { lastReportedMonth
      foodTrend(period: { from: "2024-01-01", to: "2025-12-31" }, bucket: QUARTER) { period foods { product { code } output { value } } } } } }`;
    const ask = async (reps: object[]) => {
      const result = await t.run(ANALYTICS, { r: reps });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data!._entities;
    };
    const answered = await ask(STATES.map(byState));
    expect(answered).toEqual(await ask(STATES.map(byList)));
    expect(answered.some((a: any) => a.lastReportedMonth !== null)).toBe(true);
  });

  it('sees flows between states at state level (El Maizal in Lara sends to Caracas)', async () => {
    const [lara, capital] = await figures([byState('state:14'), byState('state:10')], PERIODS[0]!);
    expect(lara.production.exchange.byProduct.some((e: any) => e.outflow.value !== '0.000')).toBe(true);
    expect(capital.production.exchange.byProduct.some((e: any) => e.inflow.value !== '0.000')).toBe(true);
  });

  it('moves state and national figures in the same transaction as each write, and not on a refused one', async () => {
    const owner = 'council:3';
    const state = stateOf(owner);
    const period = { from: '2024-01-01', to: '2024-12-31' };
    const [before, nationBefore] = await figures([byState(state), nation], period);
    const registered = await t.run(REGISTER, { input: { name: 'Panadería comunal de prueba', ownerId: owner, type: 'FAMILY', sector: 'FOOD_PROCESSING', productIds: ['product:1'], workers: 4, foundedOn: '2024-06-10' } });
    expect(registered.errors).toBeUndefined();
    const unitId = registered.data!.registerProductionUnit.id;
    const reported = await t.run(REPORT, { input: { unitId, productId: 'product:1', month: '2024-07', quantity: '12.500' } });
    expect(reported.data!.reportProduction.outcome).toBe('CREATED');
    const [after, nationAfter] = await figures([byState(state), nation], period);
    expect(after.production.activeUnits).toBe(before.production.activeUnits + 1);
    expect(after.production.workers).toBe(before.production.workers + 4);
    expect(nationAfter.production.activeUnits).toBe(nationBefore.production.activeUnits + 1);
    const maize = (f: any) => f.production.outputByProduct.find((o: any) => o.product.code === production.products[0]!.code);
    expect(Number(maize(after).quantity.value) - Number(maize(before)?.quantity.value ?? 0)).toBeCloseTo(12.5, 3);
    expect(maize(after).reports).toBe((maize(before)?.reports ?? 0) + 1);

    // A correction moves the figure by the difference; a refused one (no reason) changes no summary.
    const snapshot = await t.snapshot();
    const refused = await t.run(REPORT, { input: { unitId, productId: 'product:1', month: '2024-07', quantity: '20.000' } });
    expect(refused.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await t.snapshot()).toBe(snapshot);
    const corrected = await t.run(REPORT, { input: { unitId, productId: 'product:1', month: '2024-07', quantity: '20.000', correctionReason: 'Recount at the assembly' } });
    expect(corrected.data!.reportProduction.outcome).toBe('CORRECTED');
    const [afterCorrection] = await figures([byState(state)], period);
    expect(Number(maize(afterCorrection).quantity.value) - Number(maize(after).quantity.value)).toBeCloseTo(7.5, 3);
    expect(maize(afterCorrection).reports).toBe(maize(after).reports);
    await pathsAgree(period);
    await summariesMatchFacts();
  });

  it('moves a body\'s facts between states when territory files it in another state (a commune whose seat moved)', async () => {
    const body = 'commune:1';
    const from = stateOf(body);
    const to = 'state:19';
    const period = { from: '2010-01-01', to: '2026-12-31' };
    const [fromBefore, toBefore, nationBefore] = await figures([byState(from), byState(to), nation], period);
    await em.transactional((tx) => recordBodyStates(tx as SqlEntityManager, new Map([[body, to]])));
    const [fromAfter, toAfter, nationAfter] = await figures([byState(from), byState(to), nation], period);
    expect(fromAfter.production.activeUnits).toBeLessThan(fromBefore.production.activeUnits);
    expect(toAfter.production.activeUnits - toBefore.production.activeUnits).toBe(fromBefore.production.activeUnits - fromAfter.production.activeUnits);
    expect(nationAfter).toEqual(nationBefore);
    await summariesMatchFacts();
    await em.transactional((tx) => recordBodyStates(tx as SqlEntityManager, new Map([[body, from]])));
    expect(await figures([byState(from)], period)).toEqual([fromBefore]);
  });

  it('answers a batch of states with one statement per figure, however many states', async () => {
    const count = async (states: string[]) => {
      t.statements.reset();
      await figures(states.map(byState), PERIODS[0]!);
      return t.statements.count;
    };
    expect(await count(STATES)).toBe(await count(STATES.slice(0, 1)));
  });
});
