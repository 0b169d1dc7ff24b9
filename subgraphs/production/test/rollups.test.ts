import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimal, expectedExchange, expectedOutput, expectedUnits, populationOf, production, representation } from './expected.js';
import { startProduction, type ProductionHarness } from './harness.js';

const FIGURES = `query($r: [_Any!]!, $period: PeriodInput!) { _entities(representations: $r) { ... on Territory { id production(period: $period) {
  from to activeUnits workers
  outputByProduct { product { code unit } quantity { value unit } reports }
  outputByUnitType { type activeUnits workers output { product { code } quantity { value } } }
  exchange { byProduct { product { code } inflow { value } outflow { value } net { value } } byCurrency { currency inflow { amount } outflow { amount } net { amount } } }
} } } }`;

const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };
const TERRITORIES = ['commune:1', 'commune:2', 'commune:3', 'commune:8', 'city:1', 'city:2', 'nation:ve', 'council:1'];

describe.each(await testDatabases())('territory roll-ups on $kind', (database) => {
  let t: ProductionHarness;
  let figures: Map<string, any>;
  beforeAll(async () => {
    t = await startProduction(database);
    const result = await t.run(FIGURES, { r: TERRITORIES.map((id) => representation(id)), period: YEAR_2025 });
    expect(result.errors).toBeUndefined();
    figures = new Map(result.data!._entities.map((e: any) => [e.id, e.production]));
  });
  afterAll(() => t?.close());

  it.each(TERRITORIES)('sums output by product for %s as the sample data do', (id) => {
    const expected = expectedOutput(id, YEAR_2025.from, YEAR_2025.to);
    const answered = figures.get(id).outputByProduct;
    expect(new Map(answered.map((o: any) => [o.product.code, o.quantity.value]))).toEqual(new Map([...expected].map(([code, q]) => [code, decimal(q)])));
    for (const o of answered) expect(o.quantity.unit).toBe(o.product.unit);
  });

  it.each(TERRITORIES)('counts active units and workers for %s, also by type', (id) => {
    const expected = expectedUnits(id, YEAR_2025.to);
    const answered = figures.get(id);
    expect({ activeUnits: answered.activeUnits, workers: answered.workers }).toEqual({ activeUnits: expected.activeUnits, workers: expected.workers });
    expect(answered.outputByUnitType.map((r: any) => r.type)).toEqual(['DIRECT_COMMUNAL', 'INDIRECT_COMMUNAL', 'FAMILY', 'SOCIAL_EXCHANGE_GROUP']);
    for (const row of answered.outputByUnitType) expect(row.activeUnits).toBe(expected.byType.get(row.type) ?? 0);
    expect(answered.outputByUnitType.reduce((n: number, r: any) => n + r.workers, 0)).toBe(expected.workers);
  });

  it('counts active units without grouping by type when the types are not asked for, to the same totals', async () => {
    const query = `query($r: [_Any!]!, $period: PeriodInput!) { _entities(representations: $r) { ... on Territory { id production(period: $period) { activeUnits workers } } } }`;
    t.statements.reset();
    const result = await t.run(query, { r: TERRITORIES.map((id) => representation(id)), period: YEAR_2025 });
    expect(result.errors).toBeUndefined();
    const counting = t.statements.statements.filter((sql) => sql.includes('production_unit'));
    expect(counting.length).toBeGreaterThan(0);
    for (const sql of counting) expect(sql).not.toMatch(/\btype\b/);
    for (const e of result.data!._entities) expect(e.production).toEqual({ activeUnits: figures.get(e.id).activeUnits, workers: figures.get(e.id).workers });
  });

  it("is executed compiled (the kit's default): plain result objects, where graphql-js builds null-prototype ones", async () => {
    const result = await t.run(FIGURES, { r: [representation('commune:1')], period: YEAR_2025 });
    expect(Object.getPrototypeOf(result.data!._entities[0].production.outputByProduct[0])).toBe(Object.prototype);
  });

  it('counts El Maizal as the facts have it: 14 units and 120 producers', () => {
    expect(figures.get('commune:1')).toMatchObject({ activeUnits: 14, workers: 120 });
  });

  it('splits output by unit type so that the types add up to the total', () => {
    const total = new Map<string, bigint>();
    for (const row of figures.get('city:1').outputByUnitType) {
      for (const o of row.output) total.set(o.product.code, (total.get(o.product.code) ?? 0n) + BigInt(o.quantity.value.replace('.', '')));
    }
    expect(new Map([...total].map(([code, q]) => [code, decimal(q)]))).toEqual(new Map(figures.get('city:1').outputByProduct.map((o: any) => [o.product.code, o.quantity.value])));
  });

  it.each(TERRITORIES)('balances exchange across the boundary of %s', (id) => {
    const expected = expectedExchange(id, YEAR_2025.from, YEAR_2025.to);
    const answered = figures.get(id).exchange.byProduct;
    expect(new Map(answered.map((e: any) => [e.product.code, { inflow: e.inflow.value, outflow: e.outflow.value, net: e.net.value }]))).toEqual(
      new Map([...expected].map(([code, e]) => [code, { inflow: decimal(e.inflow), outflow: decimal(e.outflow), net: decimal(e.inflow - e.outflow) }])),
    );
  });

  it('sees rural beans and maize arrive in the Caracas communal city and leave Monte Sinaí and El Maizal', () => {
    const caracas = figures.get('city:1').exchange;
    expect(caracas.byProduct.map((e: any) => e.product.code)).toEqual(expect.arrayContaining(['white-maize', 'coffee', 'cocoa', 'black-beans']));
    for (const e of caracas.byProduct) expect(e.outflow.value).toBe('0.000');
    expect(caracas.byCurrency).toHaveLength(1);
    expect(caracas.byCurrency[0]).toMatchObject({ currency: 'USD', outflow: { amount: '0.00' } });
    const maizal = figures.get('commune:1').exchange.byProduct;
    expect(maizal.find((e: any) => e.product.code === 'white-maize').outflow.value).not.toBe('0.000');
    // Household distribution inside El Panal, and everything at national level, is internal: no flow counted.
    expect(figures.get('commune:3').exchange.byProduct.find((e: any) => e.product.code === 'packaged-beans')).toBeUndefined();
    expect(figures.get('nation:ve').exchange).toEqual({ byProduct: [], byCurrency: [] });
  });

  it('values exchange per currency from the flows, each rounded to the cent, never mixing currencies', () => {
    const caracasIn = production.flows
      .filter((f) => f.date >= YEAR_2025.from && f.date <= YEAR_2025.to && ['commune:2', 'commune:3', 'commune:9'].includes(f.toBodyId) && f.fromBodyId !== f.toBodyId)
      .reduce((n, f) => n + (f.quantity * f.pricePerUnit + 500n) / 1000n, 0n);
    expect(figures.get('city:1').exchange.byCurrency[0].inflow.amount).toBe(`${caracasIn / 100n}.${String(caracasIn % 100n).padStart(2, '0')}`);
    expect(figures.get('commune:8').exchange.byCurrency.map((c: any) => c.currency)).toEqual(['VES']);
  });

  it('counts a month only when its first day lies in the period', async () => {
    const result = await t.run(FIGURES, { r: [representation('commune:1')], period: { from: '2025-01-02', to: '2025-02-27' } });
    const feb = expectedOutput('commune:1', '2025-01-02', '2025-02-27');
    expect(new Map(result.data!._entities[0].production.outputByProduct.map((o: any) => [o.product.code, o.quantity.value]))).toEqual(new Map([...feb].map(([code, q]) => [code, decimal(q)])));
    expect(result.data!._entities[0].production.outputByProduct[0].reports).toBe(production.reports.filter((r) => r.month === '2025-02' && r.productId === 1 && production.units[r.unitId - 1]!.communeId === 1).length);
  });

  it('adds compatible units exactly and refuses incompatible ones', async () => {
    const query = `query($r: [_Any!]!, $ids: [ID!]!, $unit: MeasureUnit!) { _entities(representations: $r) { ... on Territory { production(period: { from: "2025-01-01", to: "2025-12-31" }) { total(productIds: $ids, unit: $unit) { value unit } } } } }`;
    const maize = expectedOutput('commune:1', YEAR_2025.from, YEAR_2025.to);
    const tonnes = maize.get('white-maize')! + maize.get('yellow-maize')!;
    const kg = await t.run(query, { r: [representation('commune:1')], ids: ['product:1', 'product:2'], unit: 'KILOGRAM' });
    expect(kg.data!._entities[0].production.total).toEqual({ value: `${decimal(tonnes * 1000n)}`, unit: 'KILOGRAM' });
    const t1 = await t.run(query, { r: [representation('commune:1')], ids: ['product:1', 'product:2'], unit: 'TONNE' });
    expect(t1.data!._entities[0].production.total).toEqual({ value: decimal(tonnes), unit: 'TONNE' });
    // Maize (t) and beef (kg) are both mass: grams make them addable.
    const grams = await t.run(query, { r: [representation('commune:1')], ids: ['product:1', 'product:3'], unit: 'GRAM' });
    expect(grams.data!._entities[0].production.total.value).toBe(decimal(maize.get('white-maize')! * 1_000_000n + maize.get('beef')! * 1000n));
    const mixed = await t.run(query, { r: [representation('commune:1')], ids: ['product:1', 'product:6'], unit: 'KILOGRAM' });
    expect(mixed.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INCOMPATIBLE_UNITS' });
    expect(mixed.errors![0]!.message).toMatch(/Leche \(LITRE\)/);
    const missing = await t.run(query, { r: [representation('commune:1')], ids: ['product:999'], unit: 'KILOGRAM' });
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('answers food self-sufficiency from output and the population territory sends', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id foodSelfSufficiency(period: { from: "2025-01-01", to: "2025-12-31" }) { product { code } output { value unit } need { value } ratio } } } }`;
    const result = await t.run(query, { r: [representation('commune:1', true), representation('city:1', true)] });
    expect(result.errors).toBeUndefined();
    const maizal = result.data!._entities[0].foodSelfSufficiency;
    const withNeed = production.products.filter((p) => p.food && p.monthlyNeedPerPerson !== null);
    expect(maizal).toHaveLength(withNeed.length);
    const maize = maizal.find((row: any) => row.product.code === 'white-maize');
    const need = BigInt(populationOf('commune:1')) * withNeed.find((p) => p.code === 'white-maize')!.monthlyNeedPerPerson! * 12n;
    const output = expectedOutput('commune:1', YEAR_2025.from, YEAR_2025.to).get('white-maize')!;
    expect(maize).toEqual({ product: { code: 'white-maize' }, output: { value: decimal(output), unit: 'TONNE' }, need: { value: decimal(need) }, ratio: decimal((output * 2000n + need) / (2n * need)) });
    // A city of urban communes grows little of its food.
    expect(Number(result.data!._entities[1].foodSelfSufficiency.find((row: any) => row.product.code === 'white-maize').ratio)).toBe(0);
  });

  it('refuses a representation without its scope, and a reversed period', async () => {
    const noScope = await t.run(FIGURES, { r: [{ __typename: 'Territory', id: 'commune:1' }], period: YEAR_2025 });
    expect(noScope.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const reversed = await t.run(FIGURES, { r: [representation('commune:1')], period: { from: '2025-12-31', to: '2025-01-01' } });
    expect(reversed.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(reversed.errors![0]!.message).toMatch(/period.from 2025-12-31 is after period.to/);
  });
});
