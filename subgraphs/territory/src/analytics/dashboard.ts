import { badInput } from '@comuna/subgraph-kit';
import type { TerritoryContext } from '../context.js';
import type { RegistryStatus } from '../entities/registry-columns.js';
import type { CommuneRow } from '../rows.js';
import type { DashboardLevel } from './dashboard-loaders.js';
import { activityByQuarter, type MonthlyFacts } from './history.js';
import { evaluate, type ActivityFacts, type ActivityRule } from './rule.js';

export type { DashboardLevel } from './dashboard-loaders.js';

const STATUSES: RegistryStatus[] = ['IN_FORMATION', 'REGISTERED', 'ACTIVE', 'INACTIVE', 'DISSOLVED'];

/** The communes of a level, by id (batched: many levels in one request cost one statement). */
export function dashboardCommunes(ctx: TerritoryContext, level: DashboardLevel): Promise<CommuneRow[]> {
  return ctx.loaders.dashboards.communes.load(level);
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

/**
 * Dashboard figures of a level: statuses from the registry, activity by the rule from the facts the gateway sent
 * (today's from the latest dates, each past quarter's from the per-month facts).
 */
export async function registryDashboard(ctx: TerritoryContext, level: DashboardLevel, facts: (ActivityFacts & MonthlyFacts)[] | undefined, rule: ActivityRule) {
  if (!facts) throw badInput('The dashboard came without its communes\' activity facts; ask for it through the gateway');
  const [communes, recorded] = await Promise.all([dashboardCommunes(ctx, level), ctx.loaders.dashboards.quarters.load(level)]);
  // The facts arrive in the order of the list the gateway fetched a moment ago; a commune registered in between
  // would shift them, so refuse rather than pair a commune with another's facts.
  if (communes.length !== facts.length) {
    throw badInput(`The registry changed while the dashboard was computed (${facts.length} communes fetched, ${communes.length} now); ask again`);
  }
  const verdicts = communes.map((c, i) => ({ commune: c, active: evaluate(facts[i]!, rule).active }));
  const seen = [...recorded.registered.keys(), ...recorded.inactivated.keys()].sort();
  const today = rule.asOf;
  const current = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) + 2) / 3)}`;
  const periods = seen.length ? quarterLabels(seen[0]!, current > seen.at(-1)! ? current : seen.at(-1)!) : [];
  const derived = activityByQuarter(facts, rule, periods);
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
    quarters: periods.map((p, i) => ({
      period: p,
      newlyRegistered: recorded.registered.get(p) ?? 0,
      newlyInactive: recorded.inactivated.get(p) ?? 0,
      activeByRuleAtEnd: derived[i]!.activeByRuleAtEnd,
      newlyInactiveByRule: derived[i]!.newlyInactiveByRule,
    })),
  };
}
