import { decodeDashboardFacts, decodeIndexesAt, decodeMonths, scopesDigest, type DashboardFacts } from '@comuna/subgraph-kit';
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

/** The three domains' facts texts territory @requires for a dashboard (ADR 0005, "Dashboards by level"). */
export interface CarriedDashboardFacts {
  governanceDashboardFacts?: string | null;
  productionDashboardFacts?: string | null;
  budgetDashboardFacts?: string | null;
}

/** One commune's facts, read from the three domains' texts; a commune a domain left out has none of its facts. */
function communeFacts(id: number, governance: DashboardFacts, production: DashboardFacts, budget: DashboardFacts): ActivityFacts & MonthlyFacts {
  const [lastQuorate = null, quorateMonths = ''] = governance.communes[id] ?? [];
  const [lastReported = null, reportedMonths = ''] = production.communes[id] ?? [];
  const [lastLedger = null, ledgerMonths = '', rounds = ''] = budget.communes[id] ?? [];
  const consultationRounds = decodeIndexesAt(rounds || '0', budget.rounds ?? []);
  return {
    lastQuorateAssemblyOn: lastQuorate,
    quorateAssemblyMonths: decodeMonths(quorateMonths || '0', governance.from),
    lastReportedMonth: lastReported,
    reportedMonths: decodeMonths(reportedMonths || '0', production.from),
    lastLedgerEntryOn: lastLedger,
    ledgerEntryMonths: decodeMonths(ledgerMonths || '0', budget.from),
    latestConsultation: consultationRounds.at(-1) ?? null,
    consultationRounds,
  };
}

/**
 * Dashboard figures of a level: statuses from the registry, activity by the rule from the facts the domains sent
 * for the level's communes (today's from the latest dates, each past quarter's from the per-month facts).
 */
export async function registryDashboard(ctx: TerritoryContext, level: DashboardLevel, carried: CarriedDashboardFacts, rule: ActivityRule) {
  const loaders = ctx.loaders.dashboards;
  const [communes, recorded, scopes] = await Promise.all([dashboardCommunes(ctx, level), loaders.quarters.load(level), loaders.scopes.load(level)]);
  // The domains answered for the scopes territory listed a moment ago; a commune registered or a council moved
  // in between would pair facts with the wrong list, so each text must name today's scopes.
  const digest = scopesDigest(scopes);
  const governance = decodeDashboardFacts(carried.governanceDashboardFacts, 'governance', digest);
  const production = decodeDashboardFacts(carried.productionDashboardFacts, 'production', digest);
  const budget = decodeDashboardFacts(carried.budgetDashboardFacts, 'budget', digest);
  const facts = communes.map((c) => communeFacts(c.id, governance, production, budget));
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
