import { intBetween, seededRandom } from '@comuna/sample-data';
import { PRODUCTS, scaledQuantity, thousandths } from './catalogue.js';
import { dayBetween, FIRST_MONTH, LAST_MONTH, monthsBetween } from './dates.js';
import { json, table, type Table } from './table.js';
import type { NationalTerritory } from './territory.js';

interface Unit {
  id: number;
  ownerId: string;
  communeId: number | null;
  stateId: number;
  type: string;
  sector: string;
  workers: number;
  foundedOn: string;
  status: 'ACTIVE' | 'PAUSED' | 'CLOSED';
  productIds: number[];
  /** Last month it reports. */
  until: string;
  /** Output relative to a commune's typical unit. */
  size: number;
}

const MONTHS = monthsBetween(FIRST_MONTH, LAST_MONTH);
const COMMUNE_TYPES = ['DIRECT_COMMUNAL', 'DIRECT_COMMUNAL', 'INDIRECT_COMMUNAL', 'SOCIAL_EXCHANGE_GROUP'] as const;

/**
 * About one unit per council (family units, mostly 0-2 per council) and 1-6 per working commune, so ~50,000 at
 * national scale; each reports 1-2 products every month from its founding (or the period's start) until it
 * pauses or its commune or council stops; every 40th report corrected once.
 */
export function productionTables(seed: string, t: NationalTerritory): Table[] {
  const random = seededRandom(`${seed}/production-units`);
  const units: Unit[] = [];
  const stop = (history: { status: string; effectiveOn: string }[]) => {
    const last = history.at(-1)!;
    return last.status === 'INACTIVE' ? last.effectiveOn.slice(0, 7) : LAST_MONTH;
  };
  const addUnit = (ownerId: string, communeId: number | null, stateId: number, type: string, until: string, size: number) => {
    const id = units.length + 1;
    const first = PRODUCTS[intBetween(random, 0, PRODUCTS.length - 1)]!;
    const productIds = [PRODUCTS.indexOf(first) + 1];
    if (random() < 0.3) {
      const second = intBetween(random, 1, PRODUCTS.length);
      if (second !== productIds[0]) productIds.push(second);
    }
    const roll = random();
    const status = roll < 0.9 ? 'ACTIVE' : roll < 0.97 ? 'PAUSED' : 'CLOSED';
    const foundedOn = dayBetween(random, '2015-01-01', '2026-06-30');
    const pausedIn = status === 'ACTIVE' ? until : MONTHS[intBetween(random, 6, MONTHS.length - 6)]!;
    units.push({
      id, ownerId, communeId, stateId, type, sector: first.sector, workers: type === 'FAMILY' ? intBetween(random, 2, 6) : intBetween(random, 5, 40), foundedOn, status,
      productIds, until: pausedIn < until ? pausedIn : until, size,
    });
  };
  const communeOf = new Map(t.communes.map((c) => [c.id, c]));
  for (const council of t.councils) {
    const status = council.history.at(-1)!.status;
    if (status === 'IN_FORMATION') continue;
    const commune = council.communeId === null ? null : communeOf.get(council.communeId)!;
    if (commune && commune.history.at(-1)!.status === 'IN_FORMATION') continue;
    const n = random() < 0.35 ? 0 : random() < 0.7 ? 1 : 2;
    const until = commune?.stoppedIn ?? stop(council.history);
    for (let i = 0; i < n; i++) addUnit(`council:${council.id}`, council.communeId, council.stateId, 'FAMILY', until, 0.05 + random() * 0.1);
  }
  for (const commune of t.communes) {
    if (commune.history.at(-1)!.status === 'IN_FORMATION') continue;
    const n = commune.history.at(-1)!.status === 'ACTIVE' ? intBetween(random, 3, 8) : intBetween(random, 1, 4);
    for (let i = 0; i < n; i++) addUnit(`commune:${commune.id}`, commune.id, commune.seatStateId, COMMUNE_TYPES[intBetween(random, 0, COMMUNE_TYPES.length - 1)]!, commune.stoppedIn ?? LAST_MONTH, 0.5 + random());
  }

  const reportMonths = (u: Unit) => {
    const from = u.foundedOn.slice(0, 7) > FIRST_MONTH ? u.foundedOn.slice(0, 7) : FIRST_MONTH;
    return MONTHS.filter((m) => m >= from && m <= u.until);
  };
  let reportCount = 0;
  let corrected = 0;
  for (const u of units) {
    const n = reportMonths(u).length * u.productIds.length;
    corrected += Math.floor((reportCount + n) / 40) - Math.floor(reportCount / 40);
    reportCount += n;
  }

  /** Reports and their revisions come from one walk, so both tables agree whichever is written first. */
  function* reports(): Generator<{ report: unknown[]; revisions: unknown[][] }> {
    const r = seededRandom(`${seed}/production-reports`);
    let id = 0;
    let revision = 0;
    for (const u of units) {
      const months = reportMonths(u);
      for (const pid of u.productIds) {
        const product = PRODUCTS[pid - 1]!;
        for (const month of months) {
          id++;
          const quantity = scaledQuantity((product.monthly * u.size * (0.6 + r() * 0.8)) / u.productIds.length, product.unit);
          const recordedAt = `${month}-28T18:00:00.000Z`;
          const revisions: unknown[][] = [[++revision, id, 1, quantity, null, recordedAt]];
          let latest = quantity;
          if (id % 40 === 0) {
            latest = quantity + 1000n * BigInt(intBetween(r, 1, 5));
            revisions.push([++revision, id, 2, latest, 'Recount at the monthly assembly (synthetic)', recordedAt.replace('T18', 'T20')]);
          }
          yield { report: [id, u.id, pid, month, latest, revisions.length, json(['quantity']), json([])], revisions };
        }
      }
    }
  }

  const flows: unknown[][] = [];
  const fr = seededRandom(`${seed}/production-flows`);
  const communesByState = new Map<number, number[]>();
  for (const c of t.communes) {
    if (!communesByState.has(c.seatStateId)) communesByState.set(c.seatStateId, []);
    communesByState.get(c.seatStateId)!.push(c.id);
  }
  for (const u of units) {
    if (u.type === 'FAMILY' || u.status !== 'ACTIVE') continue;
    const product = PRODUCTS[u.productIds[0]! - 1]!;
    const neighbours = communesByState.get(u.stateId)!;
    for (const month of reportMonths(u)) {
      if (fr() > 0.34) continue;
      const households = fr() < 0.3;
      const to = households ? u.ownerId : `commune:${neighbours[intBetween(fr, 0, neighbours.length - 1)]}`;
      const price = BigInt(intBetween(fr, 50, 5000));
      flows.push([
        flows.length + 1, u.productIds[0], scaledQuantity((product.monthly * u.size * (0.1 + fr() * 0.3)), product.unit), u.id, u.ownerId, to, households ? 'HOUSEHOLDS' : 'BODY',
        households ? intBetween(fr, 50, 600) : null, price, fr() < 0.7 ? 'USD' : 'VES', `${month}-${String(intBetween(fr, 1, 28)).padStart(2, '0')}`, null, json(['quantity', 'date', 'pricePerUnit']), json([]),
      ]);
    }
  }

  const links = units.flatMap((u) => u.productIds.map((p) => [u.id, p]));
  // Every body's state as territory files it (a council where it lies, a commune by its seat): the key of the
  // state summaries, which production otherwise learns from territory when a write first names a body.
  const bodyStates = [...t.councils.map((c) => [`council:${c.id}`, `state:${c.stateId}`]), ...t.communes.map((c) => [`commune:${c.id}`, `state:${c.seatStateId}`])];
  return [
    { name: 'body_state', columns: ['body_id', 'state_id'], count: bodyStates.length, rows: () => bodyStates },
    table('product', ['id', 'code', 'name', 'unit', 'food', 'monthly_need_per_person', 'synthetic_fields', 'sources'], PRODUCTS, (p) => [
      PRODUCTS.indexOf(p) + 1, p.code, p.name, p.unit, p.food, p.need === null ? null : thousandths(p.need), json(p.need === null ? [] : ['monthlyNeedPerPerson']), json([]),
    ]),
    table('production_unit', ['id', 'code', 'name', 'type', 'sector', 'owner_id', 'workers', 'founded_on', 'status', 'synthetic_fields', 'sources'], units, (u) => [
      u.id, `UP-${String(u.id).padStart(5, '0')}`, `Unidad productiva ${u.id}`, u.type, u.sector, u.ownerId, u.workers, u.foundedOn, u.status, json(['code', 'name', 'workers', 'foundedOn']), json([]),
    ]),
    { name: 'unit_product', columns: ['id', 'unit_id', 'product_id'], count: links.length, rows: () => links.map((l, i) => [i + 1, ...l]) },
    { name: 'production_report', columns: ['id', 'unit_id', 'product_id', 'month', 'quantity', 'revision', 'synthetic_fields', 'sources'], count: reportCount, rows: () => mapIter(reports(), (x) => [x.report]) },
    { name: 'report_revision', columns: ['id', 'report_id', 'revision', 'quantity', 'reason', 'recorded_at'], count: reportCount + corrected, rows: () => mapIter(reports(), (x) => x.revisions) },
    { name: 'exchange_flow', columns: ['id', 'product_id', 'quantity', 'from_unit_id', 'from_body_id', 'to_body_id', 'destination', 'households', 'price_per_unit', 'currency', 'date', 'price_agreement_id', 'synthetic_fields', 'sources'], count: flows.length, rows: () => flows },
  ];
}

function* mapIter<T>(source: Iterable<T>, rows: (item: T) => unknown[][]): Generator<unknown[]> {
  for (const item of source) yield* rows(item);
}
