import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { representation, territory } from './expected.js';
import { startProduction, type ProductionHarness } from './harness.js';

const FIGURES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id
  production(period: { from: "2025-01-01", to: "2025-12-31" }) { activeUnits workers outputByProduct { product { name } quantity { value } }
    outputByUnitType { type activeUnits output { product { code } quantity { value } } } exchange { byProduct { product { code } net { value } } byCurrency { net { amount } } }
    total(productIds: ["product:1", "product:2"], unit: KILOGRAM) { value } }
  foodSelfSufficiency(period: { from: "2025-01-01", to: "2025-12-31" }) { product { code } ratio }
} } }`;

describe.each(await testDatabases())('batching on $kind', (database) => {
  let t: ProductionHarness;
  beforeAll(async () => {
    t = await startProduction(database);
  });
  afterAll(() => t?.close());

  async function statementsFor(query: string, variables?: Record<string, unknown>) {
    t.statements.reset();
    const result = await t.run(query, variables);
    expect(result.errors).toBeUndefined();
    return { count: t.statements.count, data: result.data! };
  }

  it('answers 100 Territory representations with their scopes in as many statements as 10', async () => {
    const ids = [
      'nation:ve',
      ...territory.communalCities.map((c) => `city:${c.id}`),
      ...territory.communes.map((c) => `commune:${c.id}`),
      ...territory.councils.map((c) => `council:${c.id}`),
    ].slice(0, 100);
    expect(ids).toHaveLength(100);
    const ten = await statementsFor(FIGURES, { r: ids.slice(0, 10).map((id) => representation(id, true)) });
    const hundred = await statementsFor(FIGURES, { r: ids.map((id) => representation(id, true)) });
    expect(hundred.data._entities).toHaveLength(100);
    expect(hundred.data._entities[0].production.activeUnits).toBeGreaterThan(0);
    expect(hundred.count).toBe(ten.count);
    // One aggregate per figure asked (7 here), the food catalogue and the product look-ups: a constant.
    expect(hundred.count).toBeLessThanOrEqual(12);
  });

  it('serves 100 units with products and a page of reports in as many statements as 10', async () => {
    const query = (n: number) => `{ productionUnits(first: ${n}) { totalCount edges { node { id products { code } reports(first: 3) { totalCount edges { node { month quantity { value unit } history { revision } product { name } } } } } } } }`;
    const ten = await statementsFor(query(10));
    const many = await statementsFor(query(100));
    expect(many.data.productionUnits.edges.length).toBeGreaterThan(40);
    expect(many.count).toBe(ten.count);
  });

  it('serves 100 reports and 100 flows with their relations in as many statements as 10', async () => {
    const query = (n: number) => `{ productionReports(first: ${n}) { edges { node { unit { name owner { id } } product { unit } quantity { value } history { reason } } } }
      exchangeFlows(first: ${n}) { edges { node { product { name } fromUnit { name } priceAgreement { price { amount } } value { amount } } } } }`;
    const ten = await statementsFor(query(10));
    const hundred = await statementsFor(query(100));
    expect(hundred.data.productionReports.edges).toHaveLength(100);
    expect(hundred.data.exchangeFlows.edges).toHaveLength(100);
    // Loaders batch per tick, so a small page may even split a batch across two ticks; never more for more rows.
    expect(hundred.count).toBeLessThanOrEqual(ten.count);
  });
});
