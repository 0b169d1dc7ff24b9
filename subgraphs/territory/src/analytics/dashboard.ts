import { badInput, toInt } from '@comuna/subgraph-kit';
import { communeTable } from '../bodies.js';
import type { TerritoryContext } from '../context.js';
import type { RegistryStatus } from '../entities/registry-columns.js';
import type { CommuneRow } from '../rows.js';
import { evaluate, type ActivityFacts, type ActivityRule } from './rule.js';

/** Which communes a level's dashboard counts: the nation all, a state those seated in it, a city its own. */
export type DashboardLevel = { level: 'NATION' } | { level: 'STATE'; id: number } | { level: 'COMMUNAL_CITY'; id: number };

const STATUSES: RegistryStatus[] = ['IN_FORMATION', 'REGISTERED', 'ACTIVE', 'INACTIVE', 'DISSOLVED'];
const QUARTER = (column: string) => `substr(${column}, 1, 4) || '-Q' || cast((cast(substr(${column}, 6, 2) as integer) + 2) / 3 as varchar(1))`;

function where(level: DashboardLevel): { sql: string; params: unknown[] } {
  if (level.level === 'STATE') return { sql: 'c.seat_state_id = ?', params: [level.id] };
  if (level.level === 'COMMUNAL_CITY') return { sql: 'c.communal_city_id = ?', params: [level.id] };
  return { sql: '1 = 1', params: [] };
}

/**
 * The communes of a level, by id. Territory reads this list twice in one federated query (once for the gateway to
 * fetch each commune's facts, once to count them), so the order must not depend on anything but the ids.
 */
export async function dashboardCommunes(ctx: TerritoryContext, level: DashboardLevel): Promise<CommuneRow[]> {
  const w = where(level);
  const rows = await ctx.em.execute(`select ${communeTable.columns} from commune c where ${w.sql} order by c.id`, w.params);
  return rows.map((raw) => communeTable.map(raw) as CommuneRow);
}

function quarterLabels(first: string, last: string): string[] {
  const labels: string[] = [];
  let [year, q] = [Number(first.slice(0, 4)), Number(first.slice(6))];
  const [lastYear, lastQ] = [Number(last.slice(0, 4)), Number(last.slice(6))];
  while (year < lastYear || (year === lastYear && q <= lastQ)) {
    labels.push(`${year}-Q${q}`);
    if (++q > 4) [year, q] = [year + 1, 1];
  }
  return labels;
}

/** Dashboard figures of a level: statuses from the registry, activity by the rule from the facts the gateway sent. */
export async function registryDashboard(ctx: TerritoryContext, level: DashboardLevel, facts: ActivityFacts[] | undefined, rule: ActivityRule) {
  if (!facts) throw badInput('The dashboard came without its communes\' activity facts; ask for it through the gateway');
  const communes = await dashboardCommunes(ctx, level);
  // The facts arrive in the order of the list the gateway fetched a moment ago; a commune registered in between
  // would shift them, so refuse rather than pair a commune with another's facts.
  if (communes.length !== facts.length) {
    throw badInput(`The registry changed while the dashboard was computed (${facts.length} communes fetched, ${communes.length} now); ask again`);
  }
  const verdicts = communes.map((c, i) => ({ commune: c, active: evaluate(facts[i]!, rule).active }));
  const w = where(level);
  const [registrations, inactivations] = await Promise.all([
    ctx.em.execute(`select ${QUARTER('c.registered_on')} as p, count(*) as n from commune c where ${w.sql} and c.registered_on is not null group by ${QUARTER('c.registered_on')}`, w.params),
    ctx.em.execute(
      `select ${QUARTER('h.effective_on')} as p, count(*) as n from status_change h join commune c on h.body_id = 'commune:' || c.id
       where ${w.sql} and h.status = 'INACTIVE' group by ${QUARTER('h.effective_on')}`,
      w.params,
    ),
  ]);
  const registeredIn = new Map(registrations.map((r) => [String(r.p), toInt(r.n)]));
  const inactiveIn = new Map(inactivations.map((r) => [String(r.p), toInt(r.n)]));
  const seen = [...registeredIn.keys(), ...inactiveIn.keys()].sort();
  const today = rule.asOf;
  const current = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) + 2) / 3)}`;
  const count = (test: (v: (typeof verdicts)[number]) => boolean) => verdicts.filter(test).length;
  return {
    bodyType: 'COMMUNE' as const,
    rule,
    total: communes.length,
    byStatus: STATUSES.map((status) => ({ key: status, count: count((v) => v.commune.status === status) })),
    registered: count((v) => v.commune.registeredOn !== null),
    active: count((v) => v.active),
    registeredInactive: count((v) => v.commune.registeredOn !== null && !v.active),
    paperOnly: count((v) => v.commune.status === 'ACTIVE' && !v.active),
    activeCommuneIds: verdicts.filter((v) => v.active).map((v) => `commune:${v.commune.id}`),
    quarters: seen.length
      ? quarterLabels(seen[0]!, current > seen.at(-1)! ? current : seen.at(-1)!).map((p) => ({ period: p, newlyRegistered: registeredIn.get(p) ?? 0, newlyInactive: inactiveIn.get(p) ?? 0 }))
      : [],
  };
}
