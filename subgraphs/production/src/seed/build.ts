import { intBetween, sampleTerritory, seededRandom, splitTotal } from '@comuna/sample-data';
import { toScaled } from '@comuna/subgraph-kit';
import { MONEY_SCALE, QUANTITY_SCALE, type MeasureUnit } from '../units.js';
import { COMMUNE_UNITS, PRODUCTS, type SectorSpec, type UnitTypeSpec } from './catalogue.js';

export interface SampleProduct {
  id: number;
  code: string;
  name: string;
  unit: MeasureUnit;
  food: boolean;
  monthlyNeedPerPerson: bigint | null;
  syntheticFields: string[];
  sources: string[];
}

export interface SampleUnit {
  id: number;
  code: string;
  name: string;
  type: UnitTypeSpec;
  sector: SectorSpec;
  ownerId: string;
  communeId: number;
  workers: number;
  foundedOn: string;
  status: 'ACTIVE' | 'PAUSED' | 'CLOSED';
  productIds: number[];
  syntheticFields: string[];
  sources: string[];
}

export interface SampleReport {
  id: number;
  unitId: number;
  productId: number;
  month: string;
  /** Thousandths of the product's unit; the current (latest) revision. */
  quantity: bigint;
  revisions: { revision: number; quantity: bigint; reason: string | null; recordedAt: string }[];
}

export interface SampleFlow {
  id: number;
  productId: number;
  quantity: bigint;
  fromUnitId: number | null;
  fromBodyId: string;
  toBodyId: string;
  destination: 'BODY' | 'HOUSEHOLDS';
  households: number | null;
  pricePerUnit: bigint;
  currency: string;
  date: string;
  priceAgreementId: number | null;
}

export interface SampleAgreement {
  id: number;
  productId: number;
  bodyId: string;
  councilName: string;
  unitCost: bigint;
  price: bigint;
  currency: string;
  validFrom: string;
  validTo: string | null;
  basis: string;
}

export interface SampleProduction {
  products: SampleProduct[];
  units: SampleUnit[];
  reports: SampleReport[];
  flows: SampleFlow[];
  agreements: SampleAgreement[];
}

/** The sample covers these months; fixed, so the data are the same whatever day they are loaded. */
export const FIRST_MONTH = '2025-01';
export const LAST_MONTH = '2026-10';

export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) return months;
    months.push(month);
    if (++m === 13) [y, m] = [y + 1, 1];
  }
}

const scaledQuantity = (value: number, unit: MeasureUnit): bigint =>
  // Counted products come in whole items; weights and volumes to a tenth, tonnes to the kilogram.
  unit === 'UNIT' || unit === 'DOZEN' ? BigInt(Math.round(value)) * 1000n : unit === 'TONNE' ? BigInt(Math.round(value * 1000)) : BigInt(Math.round(value * 10)) * 100n;

/** Builds the production sample from the reference facts, deterministically; generated values are marked synthetic. */
export function buildSampleProduction(): SampleProduction {
  const random = seededRandom('comuna-graph-production-v1');
  const territory = sampleTerritory();
  const products: SampleProduct[] = PRODUCTS.map((p, i) => ({
    id: i + 1,
    code: p.code,
    name: p.name,
    unit: p.unit,
    food: p.food,
    monthlyNeedPerPerson: p.need === null ? null : toScaled(p.need, QUANTITY_SCALE),
    syntheticFields: p.need === null ? [] : ['monthlyNeedPerPerson'],
    sources: p.sources,
  }));
  const productId = (code: string) => products.find((p) => p.code === code)!.id;
  const spec = (code: string) => PRODUCTS.find((p) => p.code === code)!;

  const units: SampleUnit[] = [];
  for (const group of COMMUNE_UNITS) {
    const commune = territory.communes.find((c) => c.id === group.communeId)!;
    const councils = territory.councils.filter((c) => c.communeId === group.communeId);
    const workers = group.workers ? splitTotal(random, group.workers, group.units.length, 2) : group.units.map((u) => (u.type === 'FAMILY' ? intBetween(random, 2, 6) : intBetween(random, 6, 25)));
    let family = 0;
    group.units.forEach((u, i) => {
      const id = units.length + 1;
      // Family units belong to a council of the commune; the others to the commune itself.
      const ownerId = u.type === 'FAMILY' ? `council:${councils[family++ % councils.length]!.id}` : `commune:${commune.id}`;
      const generatedFounding = `${intBetween(random, Math.max(2012, Number(commune.foundedOn.slice(0, 4))), 2024)}-${String(intBetween(random, 1, 12)).padStart(2, '0')}-${String(intBetween(random, 1, 28)).padStart(2, '0')}`;
      units.push({
        id,
        code: `UP-${String(id).padStart(5, '0')}`,
        name: u.name,
        type: u.type,
        sector: u.sector,
        ownerId,
        communeId: commune.id,
        workers: workers[i]!,
        foundedOn: u.foundedOn ?? generatedFounding,
        status: u.status ?? 'ACTIVE',
        productIds: u.products.map(productId),
        syntheticFields: ['code', 'workers', ...(u.foundedOn ? [] : ['foundedOn']), ...(u.known ? [] : ['name']), ...(u.type === 'FAMILY' ? ['ownerId'] : [])],
        sources: group.sources,
      });
    });
  }
  // One garden opened mid-sample, so "active by the end of the period" is visible in the figures.
  const lateGarden = units.find((u) => u.name === 'Huerto urbano familiar 8')!;
  lateGarden.foundedOn = '2025-06-15';

  const reports: SampleReport[] = [];
  for (const unit of units) {
    const from = unit.foundedOn.slice(0, 7) > FIRST_MONTH ? unit.foundedOn.slice(0, 7) : FIRST_MONTH;
    const to = unit.status === 'PAUSED' ? '2025-12' : LAST_MONTH;
    for (const pid of unit.productIds) {
      const product = products[pid - 1]!;
      for (const month of monthsBetween(from, to)) {
        const quantity = scaledQuantity((spec(product.code).monthly * (0.6 + random() * 0.8)) / unit.productIds.length, product.unit);
        const id = reports.length + 1;
        const recordedAt = `${month}-28T18:00:00.000Z`;
        const revisions = [{ revision: 1, quantity, reason: null as string | null, recordedAt }];
        // Every 40th report was corrected after a recount, so the history is there to see.
        if (id % 40 === 0) revisions.push({ revision: 2, quantity: quantity + 1000n * BigInt(intBetween(random, 1, 5)), reason: 'Recount at the monthly assembly (synthetic)', recordedAt: recordedAt.replace('T18', 'T20') });
        reports.push({ id, unitId: unit.id, productId: pid, month, quantity: revisions.at(-1)!.quantity, revisions });
      }
    }
  }

  const agreements: SampleAgreement[] = [];
  const feed = productId('animal-feed');
  for (const [q, start] of ['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'].entries()) {
    const end = ['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31', '2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'][q]!;
    const cost = 30000n + 500n * BigInt(q) + BigInt(intBetween(random, 0, 300));
    agreements.push({
      id: q + 1,
      productId: feed,
      bodyId: 'commune:4',
      councilName: 'Consejo de Productores de la Comuna José Pío Tamayo',
      unitCost: cost,
      price: (cost * 108n + 50n) / 100n,
      currency: 'USD',
      validFrom: start,
      validTo: end,
      basis: "Quarterly costs of barley, energy, wages and upkeep of the Proletarios Unidos plant, plus 8 % for reinvestment; figures synthetic, the practice is the producers' council's (rabble-2019)",
    });
  }

  const flows: SampleFlow[] = [];
  const unitNamed = (name: string) => units.find((u) => u.name === name)!;
  const money = (text: string) => toScaled(text, MONEY_SCALE);
  const routes: { unit: string; product: string; to: string; households?: [number, number]; range: [number, number]; price: string; currency: string }[] = [
    { unit: 'Siembra de caraotas', product: 'black-beans', to: 'commune:3', range: [800, 1200], price: '1.10', currency: 'USD' },
    { unit: 'Siembra colectiva de maíz blanco', product: 'white-maize', to: 'commune:3', range: [4, 6], price: '290.00', currency: 'USD' },
    { unit: 'Café Che Guevara', product: 'coffee', to: 'commune:2', range: [80, 120], price: '8.50', currency: 'USD' },
    { unit: 'Cacaotal familiar', product: 'cocoa', to: 'commune:2', range: [30, 60], price: '4.00', currency: 'USD' },
    { unit: 'Proletarios Unidos', product: 'animal-feed', to: 'commune:1', range: [8, 12], price: 'agreement', currency: 'USD' },
    { unit: 'Distribución casa por casa', product: 'packaged-beans', to: 'commune:3', households: [350, 420], range: [1200, 1800], price: '1.50', currency: 'USD' },
    { unit: 'Hato comunal Pancha Vásquez', product: 'beef', to: 'commune:8', range: [300, 500], price: '950.00', currency: 'VES' },
  ];
  for (const month of monthsBetween(FIRST_MONTH, LAST_MONTH)) {
    for (const route of routes) {
      const unit = unitNamed(route.unit);
      const product = products.find((p) => p.code === route.product)!;
      const date = `${month}-${String(intBetween(random, 5, 25)).padStart(2, '0')}`;
      const agreement = route.price === 'agreement' ? agreements.find((a) => a.validFrom <= date && (a.validTo === null || a.validTo >= date))! : null;
      flows.push({
        id: flows.length + 1,
        productId: product.id,
        quantity: scaledQuantity(intBetween(random, route.range[0], route.range[1]), product.unit),
        fromUnitId: unit.id,
        fromBodyId: unit.ownerId,
        toBodyId: route.to,
        destination: route.households ? 'HOUSEHOLDS' : 'BODY',
        households: route.households ? intBetween(random, route.households[0], route.households[1]) : null,
        pricePerUnit: agreement ? agreement.price : money(route.price),
        currency: route.currency,
        date,
        priceAgreementId: agreement?.id ?? null,
      });
    }
  }
  return { products, units, reports, flows, agreements };
}

let cached: SampleProduction | undefined;
/** Memoised: the seed and the tests read the same object. */
export function sampleProduction(): SampleProduction {
  cached ??= buildSampleProduction();
  return cached;
}
