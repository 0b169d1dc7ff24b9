import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimal, production } from './expected.js';
import { startProduction, type ProductionHarness } from './harness.js';

describe.each(await testDatabases())('production queries on $kind', (database) => {
  let t: ProductionHarness;
  beforeAll(async () => {
    t = await startProduction(database);
  });
  afterAll(() => t?.close());

  it('serves the catalogue with units and needs, filtered and paged', async () => {
    const all = await t.run('{ products(first: 100) { totalCount edges { node { code unit food } } } food: products(filter: { food: true, unit: KILOGRAM }, first: 0) { totalCount } }');
    expect(all.data!.products.totalCount).toBe(production.products.length);
    expect(all.data!.food.totalCount).toBe(production.products.filter((p) => p.food && p.unit === 'KILOGRAM').length);
    const first = await t.run('{ products(first: 5) { edges { node { name } } pageInfo { hasNextPage endCursor } } }');
    const next = await t.run('query($after: String) { products(first: 100, after: $after) { edges { node { name } } pageInfo { hasNextPage } } }', { after: first.data!.products.pageInfo.endCursor });
    const names = [...first.data!.products.edges, ...next.data!.products.edges].map((e: any) => e.node.name);
    expect(names).toEqual([...production.products.map((p) => p.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(next.data!.products.pageInfo.hasNextPage).toBe(false);
    const maize = await t.run('{ product(id: "product:1") { name unit food monthlyNeedPerPerson { value unit } provenance { syntheticFields synthetic } } nope: product(id: "unit:1") { id } }');
    expect(maize.data).toEqual({
      product: { name: 'Maíz blanco', unit: 'TONNE', food: true, monthlyNeedPerPerson: { value: '0.004', unit: 'TONNE' }, provenance: { syntheticFields: ['monthlyNeedPerPerson'], synthetic: true } },
      nope: null,
    });
  });

  it("lists El Maizal's 14 units (commune and council owned) and finds units by product", async () => {
    const councils = [...new Set(production.units.filter((u) => u.communeId === 1 && u.ownerId.startsWith('council:')).map((u) => u.ownerId))];
    const ids = ['commune:1', ...councils];
    const counts = await Promise.all(ids.map((id) => t.run('query($id: ID) { productionUnits(filter: { ownerId: $id }, first: 0) { totalCount } }', { id })));
    expect(counts.reduce((n, r) => n + r.data!.productionUnits.totalCount, 0)).toBe(14);
    const coffee = await t.run('{ productionUnits(filter: { productId: "product:8" }, first: 20) { edges { node { name owner { id } } } } }');
    expect(coffee.data!.productionUnits.edges.map((e: any) => e.node.name).sort()).toEqual(
      production.units.filter((u) => u.productIds.includes(8)).map((u) => u.name).sort(),
    );
    const feed = await t.run('{ productionUnits(filter: { nameContains: "proletarios" }) { edges { node { name type sector foundedOn workers status products { code } provenance { sources } } } } }');
    expect(feed.data!.productionUnits.edges[0].node).toMatchObject({ name: 'Proletarios Unidos', type: 'DIRECT_COMMUNAL', sector: 'FOOD_PROCESSING', foundedOn: '2014-01-01', products: [{ code: 'animal-feed' }], provenance: { sources: ['rabble-2019'] } });
    const bad = await t.run('{ productionUnits(filter: { ownerId: "state:1" }) { totalCount } }');
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('pages a unit\'s reports newest first, and shows corrected history', async () => {
    const unit = production.units[0]!;
    const expected = production.reports.filter((r) => r.unitId === unit.id).sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : b.id - a.id));
    const page1 = await t.run(`{ productionUnit(id: "unit:${unit.id}") { reports(first: 3) { totalCount edges { node { month quantity { value } } } pageInfo { endCursor hasNextPage } } } }`);
    const r = page1.data!.productionUnit.reports;
    expect(r.totalCount).toBe(expected.length);
    expect(r.edges.map((e: any) => e.node.quantity.value)).toEqual(expected.slice(0, 3).map((x) => decimal(x.quantity)));
    const page2 = await t.run(`query($after: String) { productionUnit(id: "unit:${unit.id}") { reports(first: 3, after: $after) { edges { node { month } } } } }`, { after: r.pageInfo.endCursor });
    expect(page2.data!.productionUnit.reports.edges.map((e: any) => e.node.month)).toEqual(expected.slice(3, 6).map((x) => x.month));
    const corrected = production.reports.find((x) => x.revisions.length > 1)!;
    const history = await t.run(`{ productionReports(filter: { unitId: "unit:${corrected.unitId}", productId: "product:${corrected.productId}", period: { from: "${corrected.month}-01", to: "${corrected.month}-28" } }) { totalCount edges { node { revision quantity { value } history { revision quantity { value } reason } } } } }`);
    expect(history.data!.productionReports.totalCount).toBe(1);
    expect(history.data!.productionReports.edges[0].node).toMatchObject({ revision: 2, quantity: { value: decimal(corrected.quantity) }, history: [{ revision: 1 }, { revision: 2, reason: expect.stringContaining('Recount') }] });
  });

  it('lists flows of a body and price agreements in force', async () => {
    const flows = await t.run('{ exchangeFlows(filter: { bodyId: "commune:3", period: { from: "2025-03-01", to: "2025-03-31" } }, first: 50) { totalCount edges { node { product { code } fromBodyId toBodyId destination households value { amount currency } } } } }');
    const expected = production.flows.filter((f) => (f.fromBodyId === 'commune:3' || f.toBodyId === 'commune:3') && f.date.startsWith('2025-03'));
    expect(flows.data!.exchangeFlows.totalCount).toBe(expected.length);
    expect(flows.data!.exchangeFlows.edges.map((e: any) => e.node.product.code).sort()).toEqual(expected.map((f) => production.products[f.productId - 1]!.code).sort());
    const prices = await t.run('{ priceAgreements(filter: { bodyId: "commune:4", validOn: "2025-05-15" }) { edges { node { councilName validFrom validTo unitCost { amount } price { amount currency } product { name } } } } }');
    expect(prices.data!.priceAgreements.edges).toHaveLength(1);
    expect(prices.data!.priceAgreements.edges[0].node).toMatchObject({ validFrom: '2025-04-01', validTo: '2025-06-30', price: { currency: 'USD' }, product: { name: 'Alimento para animales (cebada)' } });
  });

  it('refuses page sizes over 100 with a coded error', async () => {
    const result = await t.run('{ productionReports(first: 1000) { totalCount } }');
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
