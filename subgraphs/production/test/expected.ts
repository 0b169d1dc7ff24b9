import { sampleTerritory } from '@comuna/sample-data';
import { sampleProduction } from '../src/seed/build.js';

/**
 * Figures computed straight from the sample data in plain TypeScript, independently of the subgraph's SQL, to
 * check its roll-ups against. Scopes follow territory's definitions (TerritoryScope in schema/territory.graphql).
 */
const territory = sampleTerritory();
const production = sampleProduction();

export interface Scope {
  everything: boolean;
  councilIds: string[];
  communeIds: string[];
  circuitIds: string[];
}

export function scopeOf(id: string): Scope {
  const [kind, key] = [id.split(':')[0], Number(id.split(':')[1])];
  const communeScope = (communeId: number) => ({
    councils: territory.councils.filter((c) => c.communeId === communeId).map((c) => `council:${c.id}`),
    circuits: territory.circuits.filter((c) => c.communeId === communeId).map((c) => `circuit:${c.id}`),
  });
  if (kind === 'nation') return { everything: true, councilIds: [], communeIds: [], circuitIds: [] };
  if (kind === 'commune') {
    const s = communeScope(key);
    return { everything: false, councilIds: s.councils, communeIds: [id], circuitIds: s.circuits };
  }
  if (kind === 'city') {
    const communes = territory.communes.filter((c) => c.communalCityId === key);
    const scopes = communes.map((c) => communeScope(c.id));
    return { everything: false, councilIds: scopes.flatMap((s) => s.councils), communeIds: communes.map((c) => `commune:${c.id}`), circuitIds: scopes.flatMap((s) => s.circuits) };
  }
  if (kind === 'council') return { everything: false, councilIds: [id], communeIds: [], circuitIds: [] };
  throw new Error(`no test scope for ${id}`);
}

export function populationOf(id: string): number {
  const scope = scopeOf(id);
  return territory.councils.filter((c) => scope.everything || scope.councilIds.includes(`council:${c.id}`)).reduce((n, c) => n + c.population, 0);
}

export const representation = (id: string, withCensus = false) => ({ __typename: 'Territory', id, scope: scopeOf(id), ...(withCensus ? { census: { population: populationOf(id) } } : {}) });

const inScope = (scope: Scope, body: string) => scope.everything || scope.councilIds.includes(body) || scope.communeIds.includes(body) || scope.circuitIds.includes(body);

/** Thousandths summed per product code, for months whose first day lies in [from, to]. */
export function expectedOutput(id: string, from: string, to: string): Map<string, bigint> {
  const scope = scopeOf(id);
  const totals = new Map<string, bigint>();
  for (const r of production.reports) {
    const unit = production.units[r.unitId - 1]!;
    const firstDay = `${r.month}-01`;
    if (!inScope(scope, unit.ownerId) || firstDay < from || firstDay > to) continue;
    const code = production.products[r.productId - 1]!.code;
    totals.set(code, (totals.get(code) ?? 0n) + r.quantity);
  }
  return totals;
}

export function expectedUnits(id: string, to: string): { activeUnits: number; workers: number; byType: Map<string, number> } {
  const scope = scopeOf(id);
  const active = production.units.filter((u) => inScope(scope, u.ownerId) && u.status === 'ACTIVE' && u.foundedOn <= to);
  const byType = new Map<string, number>();
  for (const u of active) byType.set(u.type, (byType.get(u.type) ?? 0) + 1);
  return { activeUnits: active.length, workers: active.reduce((n, u) => n + u.workers, 0), byType };
}

/** Inflow and outflow per product code across the territory's boundary. */
export function expectedExchange(id: string, from: string, to: string): Map<string, { inflow: bigint; outflow: bigint }> {
  const scope = scopeOf(id);
  const result = new Map<string, { inflow: bigint; outflow: bigint }>();
  for (const f of production.flows) {
    if (f.date < from || f.date > to) continue;
    const fromIn = inScope(scope, f.fromBodyId);
    const toIn = inScope(scope, f.toBodyId);
    if (fromIn === toIn) continue;
    const code = production.products[f.productId - 1]!.code;
    const entry = result.get(code) ?? { inflow: 0n, outflow: 0n };
    if (toIn) entry.inflow += f.quantity;
    else entry.outflow += f.quantity;
    result.set(code, entry);
  }
  return result;
}

/** Thousandths as the API writes them. */
export const decimal = (thousandths: bigint) => {
  const negative = thousandths < 0n;
  const abs = negative ? -thousandths : thousandths;
  return `${negative ? '-' : ''}${abs / 1000n}.${String(abs % 1000n).padStart(3, '0')}`;
};

export { production, territory };
