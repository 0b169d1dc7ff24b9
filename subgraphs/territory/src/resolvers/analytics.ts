import { parseGlobalId } from '@comuna/subgraph-kit';
import type { TerritoryContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { territoryById } from './lookup.js';
import { dashboardCommunes, registryDashboard, type CarriedDashboardFacts, type DashboardLevel } from '../analytics/dashboard.js';
import { evaluate, FACT_FIELDS, resolveRule, type ActivityFacts, type ActivityRuleArgs } from '../analytics/rule.js';
import type { ActivityDefaults } from '../analytics/rule-config.js';

type Carried = ActivityFacts & CarriedDashboardFacts;
const DASHBOARD_FACTS = ['governanceDashboardFacts', 'productionDashboardFacts', 'budgetDashboardFacts'] as const;

/**
 * The representation the gateway sends carries the facts this subgraph @requires; the entity row does not, so
 * they are copied onto it (Apollo passes only what __resolveReference returns to the field resolvers).
 */
async function withRequired(ref: { id: string } & Carried, ctx: TerritoryContext) {
  const row = await territoryById(ctx, ref.id);
  if (!row) return null;
  const carried: Carried = {};
  for (const field of [...FACT_FIELDS, ...DASHBOARD_FACTS] as const) if (field in ref) Object.assign(carried, { [field]: ref[field] });
  return { ...row, ...carried } as never;
}

const activity = (defaults: ActivityDefaults) => (row: object, args: { rule?: ActivityRuleArgs | null }) => evaluate(row as ActivityFacts, resolveRule(args.rule, defaults));

const dashboard = (defaults: ActivityDefaults, level: (row: { id: number | string }) => DashboardLevel) => (row: object, args: { rule?: ActivityRuleArgs | null }, ctx: TerritoryContext) =>
  registryDashboard(ctx, level(row as { id: number | string }), row as Carried, resolveRule(args.rule, defaults));

const NATION = (): DashboardLevel => ({ level: 'NATION' });
const STATE = (row: { id: number | string }): DashboardLevel => ({ level: 'STATE', id: typeof row.id === 'number' ? row.id : parseGlobalId(row.id, 'state') });
const CITY = (row: { id: number | string }): DashboardLevel => ({ level: 'COMMUNAL_CITY', id: typeof row.id === 'number' ? row.id : parseGlobalId(row.id, 'city') });

/**
 * Territory's part of the federated analytics (issue 10, ADR 0005): the activity of a council, commune, circuit or
 * communal city and the
 * registry dashboard of the nation, a state or a communal city, computed from the argument-less facts the other
 * subgraphs own and the gateway brings here through @requires.
 */
export function analyticsResolvers(defaults: ActivityDefaults): Pick<Resolvers, 'CommunalCouncil' | 'Commune' | 'CommunalCircuit' | 'Nation' | 'State' | 'CommunalCity'> {
  return {
    CommunalCouncil: { __resolveReference: withRequired, activity: activity(defaults) },
    Commune: { __resolveReference: withRequired, activity: activity(defaults) },
    CommunalCircuit: { __resolveReference: withRequired, activity: activity(defaults) },
    Nation: { __resolveReference: withRequired, dashboardCommunes: (_row: unknown, _args: unknown, ctx: TerritoryContext) => dashboardCommunes(ctx, NATION()), dashboardScopes: (_row: unknown, _args: unknown, ctx: TerritoryContext) => ctx.loaders.dashboards.scopes.load(NATION()), registryDashboard: dashboard(defaults, NATION) },
    State: { __resolveReference: withRequired, dashboardCommunes: (row: { id: number }, _args: unknown, ctx: TerritoryContext) => dashboardCommunes(ctx, STATE(row)), dashboardScopes: (row: { id: number }, _args: unknown, ctx: TerritoryContext) => ctx.loaders.dashboards.scopes.load(STATE(row)), registryDashboard: dashboard(defaults, STATE) },
    CommunalCity: { __resolveReference: withRequired, activity: activity(defaults), dashboardCommunes: (row: { id: number }, _args: unknown, ctx: TerritoryContext) => dashboardCommunes(ctx, CITY(row)), dashboardScopes: (row: { id: number }, _args: unknown, ctx: TerritoryContext) => ctx.loaders.dashboards.scopes.load(CITY(row)), registryDashboard: dashboard(defaults, CITY) },
  } as never;
}
