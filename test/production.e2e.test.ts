import { sampleTerritory } from '@comuna/sample-data';
import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error built JavaScript of the production subgraph (its package exports only the server)
import { territoryDirectory } from '../subgraphs/production/dist/bodies.js';
import { bearer, contextSecret, gateway, service, type Gateway, type Service } from './harness.js';

const sample = sampleTerritory();
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };

/** The coordinator's question: a communal city's output by product, and the same per commune, with names and population. */
const REGIONAL = `query($period: PeriodInput!) { communalCity(code: "CIU-LAR-001") {
  name census { population }
  production(period: $period) { activeUnits workers outputByProduct { product { code name unit } quantity { value unit } } }
  communes { id name census { population } production(period: $period) { activeUnits workers outputByProduct { product { code } quantity { value unit } } } }
} }`;

const sumByCode = (rows: { product: { code: string }; quantity: { value: string } }[][]) => {
  const totals = new Map<string, bigint>();
  for (const row of rows.flat()) totals.set(row.product.code, (totals.get(row.product.code) ?? 0n) + BigInt(row.quantity.value.replace('.', '')));
  return totals;
};

describe.each(await testDatabases())('production through the gateway on $kind', (database) => {
  let territory: Service;
  let production: Service;
  let gw: Gateway;
  const drops: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const url = async () => {
      if (database.kind !== 'postgresql') return undefined;
      const db = await database.create();
      drops.push(db.drop);
      return db.url;
    };
    territory = await service('territory', { databaseUrl: await url() });
    // Production checks the bodies a write names against territory, with the same signed context as the gateway.
    production = await service('production', { databaseUrl: await url(), env: { TERRITORY_URL: territory.url } });
    gw = await gateway([territory, production]);
  });
  afterAll(async () => {
    await gw?.stop();
    await production?.stop();
    await territory?.stop();
    for (const drop of drops) await drop();
  });

  it("answers a coordinator: a communal city's output by product, and per commune with names and population, in one query", async () => {
    const result = await gw.query(REGIONAL, { period: PERIOD });
    expect(result.errors).toBeUndefined();
    const city = result.data.communalCity;
    expect(city.communes.map((c: any) => c.name)).toEqual(['El Maizal', 'José Pío Tamayo', 'Sectores Unidos']);
    expect(city.communes[0]).toMatchObject({ name: 'El Maizal', census: { population: 14320 }, production: { activeUnits: 14, workers: 120 } });
    expect(city.census.population).toBe(sample.communes.filter((c) => c.communalCityId === 2).reduce((n, c) => n + sample.councils.filter((k) => k.communeId === c.id).reduce((m, k) => m + k.population, 0), 0));
    // The city's totals are exactly the sum of its communes' (no commune of the city spans another city).
    const perCommune = sumByCode(city.communes.map((c: any) => c.production.outputByProduct));
    const cityTotals = sumByCode([city.production.outputByProduct]);
    expect(cityTotals).toEqual(perCommune);
    expect(city.production.outputByProduct.find((o: any) => o.product.code === 'animal-feed')).toMatchObject({ product: { name: 'Alimento para animales (cebada)', unit: 'TONNE' }, quantity: { unit: 'TONNE' } });
    expect(city.production.activeUnits).toBe(city.communes.reduce((n: number, c: any) => n + c.production.activeUnits, 0));
  });

  it('answers exchange and food self-sufficiency for any level, with population from territory', async () => {
    const result = await gw.query(`query($period: PeriodInput!) {
      caracas: communalCity(code: "CIU-DIS-001") { name production(period: $period) { exchange { byProduct { product { code } inflow { value unit } outflow { value } net { value } } byCurrency { currency inflow { amount } net { amount } } } } }
      maizal: territory(id: "commune:1") { name census { population } foodSelfSufficiency(period: $period) { product { code } output { value unit } need { value } ratio } }
      nation { production(period: $period) { activeUnits exchange { byProduct { product { code } } } } }
    }`, { period: PERIOD });
    expect(result.errors).toBeUndefined();
    const caracas = result.data.caracas.production.exchange;
    expect(caracas.byProduct.map((e: any) => e.product.code)).toEqual(expect.arrayContaining(['white-maize', 'black-beans', 'coffee']));
    expect(caracas.byCurrency).toEqual([expect.objectContaining({ currency: 'USD' })]);
    const maize = result.data.maizal.foodSelfSufficiency.find((r: any) => r.product.code === 'white-maize');
    // Need = 14,320 people × 0.004 t a month × 12 months.
    expect(maize.need.value).toBe('687.360');
    expect(Number(maize.ratio)).toBeGreaterThan(1);
    expect(result.data.nation.production.exchange.byProduct).toEqual([]);
    expect(result.data.nation.production.activeUnits).toBeGreaterThan(40);
  });

  it('takes a spokesperson\'s monthly report once, even when retried, and refuses one for another body', async () => {
    const REPORT = 'mutation($input: ReportProductionInput!) { reportProduction(input: $input) { outcome report { id revision quantity { value unit } unit { name owner { id ... on Commune { name } } } } } }';
    const units = await gw.query('{ productionUnits(filter: { ownerId: "commune:1", productId: "product:1" }, first: 1) { edges { node { id } } } }');
    const unitId = units.data.productionUnits.edges[0].node.id;
    const input = { unitId, productId: 'product:1', month: '2024-12', quantity: '38.5' };
    const vocera = await bearer('SPOKESPERSON', ['commune:1']);
    const first = await gw.query(REPORT, { input }, vocera);
    expect(first.errors).toBeUndefined();
    expect(first.data.reportProduction).toMatchObject({ outcome: 'CREATED', report: { revision: 1, quantity: { value: '38.500', unit: 'TONNE' }, unit: { owner: { id: 'commune:1', name: 'El Maizal' } } } });
    const retry = await gw.query(REPORT, { input }, vocera);
    expect(retry.data.reportProduction).toMatchObject({ outcome: 'UNCHANGED', report: { id: first.data.reportProduction.report.id } });
    const anonymous = await gw.query(REPORT, { input });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const other = await gw.query(REPORT, { input }, await bearer('SPOKESPERSON', ['commune:2']));
    expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const future = await gw.query(REPORT, { input: { ...input, month: '2999-01' } }, vocera);
    expect(future.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('checks a new unit\'s owner against the territory registry', async () => {
    const REGISTER = 'mutation($input: RegisterProductionUnitInput!) { registerProductionUnit(input: $input) { id code owner { id ... on CommunalCouncil { name commune { name } } } } }';
    const council = sample.councils.find((c) => c.communeId === 3)!;
    const admin = await bearer('ADMIN');
    const input = { name: 'Costura El Panal', ownerId: `council:${council.id}`, type: 'FAMILY', sector: 'MANUFACTURING', productIds: ['product:23'], workers: 4, foundedOn: '2025-02-01' };
    const done = await gw.query(REGISTER, { input }, admin);
    expect(done.errors).toBeUndefined();
    expect(done.data.registerProductionUnit.owner).toEqual({ id: `council:${council.id}`, name: council.name, commune: { name: 'El Panal 2021' } });
    const unknown = await gw.query(REGISTER, { input: { ...input, ownerId: 'council:99999' } }, admin);
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(unknown.errors![0]!.message).toMatch(/council:99999/);
  });

  it('learns each body\'s state from territory, and a new unit moves its state\'s and the nation\'s figures (state summaries)', async () => {
    const parishState = new Map(sample.parishes.map((p) => [p.id, sample.municipalities.find((m) => m.id === p.municipalityId)!.stateId]));
    const council = sample.councils.find((c) => c.communeId === 1)!;
    const states = await territoryDirectory(territory.url, contextSecret).statesOf([`council:${council.id}`, 'commune:1', 'commune:2', 'council:99999']);
    expect(Object.fromEntries(states)).toEqual({ [`council:${council.id}`]: `state:${parishState.get(council.parishId)}`, 'commune:1': 'state:14', 'commune:2': 'state:10' });

    const STATE = `query($id: ID!) { state(id: $id) { scope { councilIds stateId } production(period: { from: "2020-01-01", to: "2026-12-31" }) { activeUnits workers } } nation { production(period: { from: "2020-01-01", to: "2026-12-31" }) { activeUnits } } }`;
    const stateId = `state:${parishState.get(council.parishId)}`;
    const before = await gw.query(STATE, { id: stateId });
    expect(before.errors).toBeUndefined();
    expect(before.data.state.scope).toEqual({ councilIds: [], stateId });
    const REGISTER = 'mutation($input: RegisterProductionUnitInput!) { registerProductionUnit(input: $input) { id } }';
    const input = { name: 'Panadería comunal Lara', ownerId: `council:${council.id}`, type: 'FAMILY', sector: 'FOOD_PROCESSING', productIds: ['product:1'], workers: 3, foundedOn: '2024-02-01' };
    expect((await gw.query(REGISTER, { input }, await bearer('ADMIN'))).errors).toBeUndefined();
    const after = await gw.query(STATE, { id: stateId });
    expect(after.data.state.production).toEqual({ activeUnits: before.data.state.production.activeUnits + 1, workers: before.data.state.production.workers + 3 });
    expect(after.data.nation.production.activeUnits).toBe(before.data.nation.production.activeUnits + 1);
  });
});
