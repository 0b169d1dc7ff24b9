import { actorFrom, anonymous } from '@comuna/subgraph-kit';
import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { production } from './expected.js';
import { maizalSpokesperson, startProduction, type ProductionHarness } from './harness.js';

const REGISTER = `mutation($input: RegisterProductionUnitInput!) { registerProductionUnit(input: $input) { id code name type ownerId workers status products { code } provenance { synthetic } } }`;
const REPORT = `mutation($input: ReportProductionInput!) { reportProduction(input: $input) { outcome report { id month revision quantity { value unit } history { revision quantity { value } reason } } } }`;
const FLOW = `mutation($input: RecordExchangeFlowInput!) { recordExchangeFlow(input: $input) { id fromBodyId toBodyId destination households quantity { value unit } pricePerUnit { amount currency } value { amount currency } fromUnit { id } priceAgreement { id } } }`;
const PRICE = `mutation($input: SetPriceAgreementInput!) { setPriceAgreement(input: $input) { id bodyId councilName unitCost { amount currency } price { amount currency } validFrom validTo product { code } } }`;

const maizalMaize = production.units.find((u) => u.name === 'Siembra colectiva de maíz blanco')!;
const feedPlant = production.units.find((u) => u.name === 'Proletarios Unidos')!;
const unit = (overrides: Record<string, unknown> = {}) => ({
  name: 'Bloquera comunal El Maizal',
  ownerId: 'commune:1',
  type: 'DIRECT_COMMUNAL',
  sector: 'MANUFACTURING',
  productIds: ['product:9'],
  workers: 7,
  foundedOn: '2024-03-01',
  ...overrides,
});
const report = (overrides: Record<string, unknown> = {}) => ({ unitId: `unit:${maizalMaize.id}`, productId: 'product:1', month: '2024-11', quantity: '41.250', ...overrides });
const flow = (overrides: Record<string, unknown> = {}) => ({
  productId: 'product:1',
  quantity: '5.5',
  fromUnitId: `unit:${maizalMaize.id}`,
  toBodyId: 'commune:3',
  pricePerUnit: '290.00',
  currency: 'USD',
  date: '2025-11-03',
  ...overrides,
});
const price = (overrides: Record<string, unknown> = {}) => ({
  productId: 'product:16',
  bodyId: 'commune:4',
  councilName: 'Consejo de Productores de la Comuna José Pío Tamayo',
  unitCost: '331.10',
  price: '357.60',
  currency: 'USD',
  validFrom: '2027-01-01',
  validTo: '2027-03-31',
  basis: 'Barley, energy, wages and upkeep for the quarter plus 8 % reinvestment',
  ...overrides,
});

describe.each(await testDatabases())('production mutations on $kind', (database) => {
  let t: ProductionHarness;
  beforeAll(async () => {
    t = await startProduction(database);
  });
  afterAll(() => t?.close());

  /** Runs a mutation expected to fail, and proves it left every table (audit_entry included) as it was. */
  async function refused(query: string, input: Record<string, unknown>, code: string, message?: RegExp, actor = undefined as Parameters<ProductionHarness['run']>[2]) {
    const before = await t.snapshot();
    const result = await t.run(query, { input }, actor);
    expect(result.errors, JSON.stringify(input)).toBeDefined();
    expect(result.errors![0]!.extensions!.code, result.errors![0]!.message).toBe(code);
    if (message) expect(result.errors![0]!.message).toMatch(message);
    expect(await t.snapshot()).toBe(before);
  }

  const count = async (table: string) => Number((await t.subgraph.orm.em.fork().getConnection().execute(`select count(*) as n from ${table}`))[0].n);

  it('registers a unit with a generated code, audited', async () => {
    const result = await t.run(REGISTER, { input: unit() });
    expect(result.errors).toBeUndefined();
    expect(result.data!.registerProductionUnit).toMatchObject({ code: expect.stringMatching(/^UP-\d{5}$/), ownerId: 'commune:1', status: 'ACTIVE', products: [{ code: 'vegetables' }], provenance: { synthetic: false } });
    const audit = await t.subgraph.orm.em.fork().getConnection().execute("select body, subject from audit_entry where action = 'registerProductionUnit'");
    expect(audit).toEqual([{ body: 'commune:1', subject: 'admin-test' }]);
  });

  it('refuses bad units, writing nothing', async () => {
    await refused(REGISTER, unit({ ownerId: 'commune:999' }), 'NOT_FOUND', /commune:999/);
    await refused(REGISTER, unit({ ownerId: 'state:1' }), 'BAD_USER_INPUT', /input.ownerId/);
    await refused(REGISTER, unit({ productIds: ['product:999'] }), 'NOT_FOUND', /product:999/);
    await refused(REGISTER, unit({ productIds: [] }), 'BAD_USER_INPUT', /input.productIds/);
    await refused(REGISTER, unit({ workers: 0 }), 'BAD_USER_INPUT', /input.workers/);
    await refused(REGISTER, unit({ foundedOn: '2999-01-01' }), 'BAD_USER_INPUT', /future/);
    await refused(REGISTER, unit({ code: 'UP-00001' }), 'CONFLICT', /already taken/);
  });

  it('refuses writes by the anonymous and outside the actor\'s bodies', async () => {
    await refused(REGISTER, unit(), 'UNAUTHENTICATED', undefined, anonymous);
    await refused(REGISTER, unit({ ownerId: 'commune:2' }), 'FORBIDDEN', /commune:2/, maizalSpokesperson);
    await refused(REPORT, report({ unitId: `unit:${feedPlant.id}`, productId: 'product:16' }), 'FORBIDDEN', /commune:4/, maizalSpokesperson);
    const auditor = actorFrom('auditor', [{ role: 'AUDITOR', bodies: ['*'] }]);
    await refused(REPORT, report(), 'FORBIDDEN', undefined, auditor);
  });

  it('records a report once: a retry answers it unchanged, a correction keeps history', async () => {
    const reports = await count('production_report');
    const first = await t.run(REPORT, { input: report() }, maizalSpokesperson);
    expect(first.errors).toBeUndefined();
    expect(first.data!.reportProduction).toMatchObject({ outcome: 'CREATED', report: { month: '2024-11', revision: 1, quantity: { value: '41.250', unit: 'TONNE' } } });
    const revisions = await count('report_revision');

    // The same figures again (a retry over a bad connection), written differently: nothing changes.
    const retry = await t.run(REPORT, { input: report({ quantity: '41.25' }) }, maizalSpokesperson);
    expect(retry.data!.reportProduction).toMatchObject({ outcome: 'UNCHANGED', report: { id: first.data!.reportProduction.report.id, revision: 1 } });
    expect(await count('production_report')).toBe(reports + 1);
    expect(await count('report_revision')).toBe(revisions);

    // A different figure without a reason is refused: it might be a stale retry.
    await refused(REPORT, report({ quantity: '39.000' }), 'CONFLICT', /already records 41.250 TONNE.*send correctionReason/);

    const corrected = await t.run(REPORT, { input: report({ quantity: '39.000', correctionReason: 'Weighed again at the silo' }) }, maizalSpokesperson);
    expect(corrected.data!.reportProduction).toMatchObject({
      outcome: 'CORRECTED',
      report: {
        revision: 2,
        quantity: { value: '39.000' },
        history: [
          { revision: 1, quantity: { value: '41.250' }, reason: null },
          { revision: 2, quantity: { value: '39.000' }, reason: 'Weighed again at the silo' },
        ],
      },
    });
    // A stale retry of the first figure cannot undo the correction.
    await refused(REPORT, report(), 'CONFLICT');
    // Retrying the correction itself is harmless.
    const again = await t.run(REPORT, { input: report({ quantity: '39', correctionReason: 'Weighed again at the silo' }) }, maizalSpokesperson);
    expect(again.data!.reportProduction.outcome).toBe('UNCHANGED');
    expect(await count('production_report')).toBe(reports + 1);
  });

  it('refuses bad reports, writing nothing', async () => {
    await refused(REPORT, report({ unitId: 'unit:9999' }), 'NOT_FOUND', /unit:9999/);
    await refused(REPORT, report({ unitId: 'commune:1' }), 'BAD_USER_INPUT', /input.unitId/);
    await refused(REPORT, report({ productId: 'product:999' }), 'NOT_FOUND', /product:999/);
    await refused(REPORT, report({ productId: 'product:3' }), 'BAD_USER_INPUT', /not registered to produce Carne de res/);
    await refused(REPORT, report({ quantity: '-1' }), 'BAD_USER_INPUT', /zero or more/);
    await refused(REPORT, report({ quantity: 'lots' }), 'BAD_USER_INPUT', /not a decimal number/);
    await refused(REPORT, report({ quantity: '1.2345' }), 'BAD_USER_INPUT', /more than 3 decimal places/);
    await refused(REPORT, report({ month: '2999-01' }), 'BAD_USER_INPUT', /future/);
    await refused(REPORT, report({ month: '2024-13' }), 'BAD_USER_INPUT', /YYYY-MM/);
    await refused(REPORT, report({ month: '1990-01' }), 'BAD_USER_INPUT', /before the unit was founded/);
  });

  it('records an exchange flow from a unit and values it exactly', async () => {
    const result = await t.run(FLOW, { input: flow() }, maizalSpokesperson);
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordExchangeFlow).toMatchObject({
      fromBodyId: 'commune:1',
      toBodyId: 'commune:3',
      destination: 'BODY',
      quantity: { value: '5.500', unit: 'TONNE' },
      pricePerUnit: { amount: '290.00', currency: 'USD' },
      value: { amount: '1595.00', currency: 'USD' },
    });
    const households = await t.run(FLOW, { input: flow({ quantity: '0.333', pricePerUnit: '0.05', toBodyId: 'commune:1', destination: 'HOUSEHOLDS', households: 40 }) }, maizalSpokesperson);
    // 0.333 t × 0.05 = 0.01665 → 0.02 (half up).
    expect(households.data!.recordExchangeFlow).toMatchObject({ destination: 'HOUSEHOLDS', households: 40, value: { amount: '0.02' } });
  });

  it('ties a flow to a fair price in force, and refuses one that does not follow it', async () => {
    const agreement = production.agreements.find((a) => a.validFrom === '2025-10-01')!;
    const input = flow({ productId: 'product:16', fromUnitId: `unit:${feedPlant.id}`, toBodyId: 'commune:1', quantity: '10', currency: 'USD', date: '2025-11-10', priceAgreementId: `price:${agreement.id}` });
    const priced = `${agreement.price / 100n}.${String(agreement.price % 100n).padStart(2, '0')}`;
    const ok = await t.run(FLOW, { input: { ...input, pricePerUnit: priced } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.recordExchangeFlow.priceAgreement).toEqual({ id: `price:${agreement.id}` });
    await refused(FLOW, { ...input, pricePerUnit: '1.00' }, 'CONFLICT', /does not follow/);
    await refused(FLOW, { ...input, pricePerUnit: priced, date: '2025-01-10' }, 'CONFLICT', /not in force/);
  });

  it('refuses bad flows, writing nothing', async () => {
    await refused(FLOW, flow({ toBodyId: 'commune:999' }), 'NOT_FOUND', /commune:999/);
    await refused(FLOW, flow({ fromUnitId: null, fromBodyId: 'council:99999' }), 'NOT_FOUND', /council:99999/);
    await refused(FLOW, flow({ fromBodyId: 'commune:1' }), 'BAD_USER_INPUT', /exactly one/);
    await refused(FLOW, flow({ productId: 'product:3' }), 'BAD_USER_INPUT', /not registered to produce/);
    await refused(FLOW, flow({ quantity: '0' }), 'BAD_USER_INPUT', /greater than zero/);
    await refused(FLOW, flow({ quantity: '-3' }), 'BAD_USER_INPUT', /greater than zero/);
    await refused(FLOW, flow({ pricePerUnit: '-1' }), 'BAD_USER_INPUT', /input.pricePerUnit/);
    await refused(FLOW, flow({ currency: 'XXX' }), 'BAD_USER_INPUT', /input.currency/);
    await refused(FLOW, flow({ date: '2999-01-01' }), 'BAD_USER_INPUT', /future/);
    await refused(FLOW, flow({ toBodyId: 'commune:1' }), 'BAD_USER_INPUT', /sender itself/);
    await refused(FLOW, flow({ destination: 'HOUSEHOLDS', toBodyId: 'commune:1' }), 'BAD_USER_INPUT', /input.households/);
    await refused(FLOW, flow({ priceAgreementId: 'price:999' }), 'NOT_FOUND', /price:999/);
  });

  it('sets a fair price and refuses overlapping or malformed ones', async () => {
    const result = await t.run(PRICE, { input: price() });
    expect(result.errors).toBeUndefined();
    expect(result.data!.setPriceAgreement).toMatchObject({ bodyId: 'commune:4', unitCost: { amount: '331.10', currency: 'USD' }, price: { amount: '357.60' }, product: { code: 'animal-feed' } });
    await refused(PRICE, price({ validFrom: '2027-03-01', validTo: null }), 'CONFLICT', /already sets a USD price/);
    await refused(PRICE, price({ validFrom: '2026-12-01', validTo: '2027-01-15' }), 'CONFLICT');
    await refused(PRICE, price({ validFrom: '2027-05-01', validTo: '2027-04-01' }), 'BAD_USER_INPUT', /before input.validFrom/);
    await refused(PRICE, price({ validFrom: '2027-06-01', validTo: null, price: '0' }), 'BAD_USER_INPUT', /greater than zero/);
    await refused(PRICE, price({ validFrom: '2027-06-01', validTo: null, bodyId: 'council:99999' }), 'NOT_FOUND');
    await refused(PRICE, price({ validFrom: '2027-06-01', validTo: null, basis: 'costs' }), 'BAD_USER_INPUT', /input.basis/);
    // Another currency is another price, not an overlap.
    const ves = await t.run(PRICE, { input: price({ currency: 'VES', unitCost: '120000.00', price: '129600.00' }) });
    expect(ves.errors).toBeUndefined();
  });
});
