import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleProduction } from '../src/seed/build.js';
import { representation } from './expected.js';
import { admin, startProduction, type ProductionHarness } from './harness.js';

const FACT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id lastReportedMonth
  foodTrend(period: { from: "2026-01-01", to: "2026-12-31" }, bucket: MONTH) { period foods { product { code } output { value } } } } } }`;
const REPORT = `mutation($input: ReportProductionInput!) { reportProduction(input: $input) { outcome } }`;
const production = sampleProduction();
const maize = production.units.find((u) => u.name === 'Siembra colectiva de maíz blanco')!;

describe.each(await testDatabases())('analytics after a write on $kind', (database) => {
  let t: ProductionHarness;
  beforeAll(async () => {
    t = await startProduction(database);
  });
  afterAll(() => t?.close());

  it('reads the facts and trend afresh after a mutation in the same request context', async () => {
    // One context for the three operations, as for the root fields of one request: the loaders are shared.
    const ctx = t.subgraph.createContext(undefined, admin);
    const run = async (query: string, variables: Record<string, unknown>) => {
      const response = await t.subgraph.apollo.executeOperation({ query, variables }, { contextValue: ctx });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      expect(response.body.singleResult.errors).toBeUndefined();
      return response.body.singleResult.data as Record<string, any>;
    };
    const month = new Date().toISOString().slice(0, 7);
    const owner = [representation(maize.ownerId, true)];
    const before = (await run(FACT, { r: owner }))._entities[0];
    expect(before.lastReportedMonth).not.toBe(`${month}-01`);
    expect((await run(REPORT, { input: { unitId: `unit:${maize.id}`, productId: 'product:1', month, quantity: '12.500' } })).reportProduction.outcome).toBe('CREATED');
    const after = (await run(FACT, { r: owner }))._entities[0];
    expect(after.lastReportedMonth).toBe(`${month}-01`);
    const maizeOf = (trend: any[]) => Number(trend.find((p) => p.period === month)!.foods.find((f: any) => f.product.code === production.products.find((p) => p.id === 1)!.code)?.output.value ?? 0);
    expect(maizeOf(after.foodTrend)).toBeGreaterThan(maizeOf(before.foodTrend));
  });
});
