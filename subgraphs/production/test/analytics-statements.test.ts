import { dashboardLevels, readDashboardFacts, testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { production, representation, territory } from './expected.js';
import { startProduction, type ProductionHarness } from './harness.js';

/** Territory representations as the gateway sends them (scope and population): communes, then councils. */
const representations = [...territory.communes.map((c) => `commune:${c.id}`), ...territory.councils.map((c) => `council:${c.id}`)].map((id) => representation(id, true));
const nation = representation('nation:ve', true);
const thisMonth = new Date().toISOString().slice(0, 7);

/** Months reported by units of the bodies in scope, recomputed from the seed, not by SQL. */
const reportedMonths = (scope: { councilIds: string[]; communeIds: string[]; circuitIds: string[] }) => {
  const bodies = new Set([...scope.councilIds, ...scope.communeIds, ...scope.circuitIds]);
  const units = new Set(production.units.filter((u) => bodies.has(u.ownerId)).map((u) => u.id));
  return [...new Set(production.reports.filter((r) => units.has(r.unitId) && r.month <= thisMonth).map((r) => `${r.month}-01`))].sort();
};

const FACTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id lastReportedMonth reportedMonths } } }`;
const TREND = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id
  months: foodTrend(period: { from: "2024-01-01", to: "2025-12-31" }, bucket: MONTH) { period foods { product { code } output { value } need { value } ratio } }
  quarters: foodTrend(period: { from: "2024-01-01", to: "2025-12-31" }, bucket: QUARTER) { period foods { ratio } } } } }`;

describe.each(await testDatabases())('analytics statements on $kind', (database) => {
  let t: ProductionHarness;
  beforeAll(async () => {
    t = await startProduction(database);
  });
  afterAll(() => t?.close());

  async function statementsFor(query: string, r: unknown[]) {
    t.statements.reset();
    const result = await t.run(query, { r });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(r.length);
    return { count: t.statements.count, entities: result.data!._entities as Record<string, any>[] };
  }

  it('reads the activity facts of 20 territories in as many statements as 2, the months as the seed has them', async () => {
    const two = await statementsFor(FACTS, representations.slice(0, 2));
    const twenty = await statementsFor(FACTS, representations.slice(0, 20));
    expect(twenty.entities.filter((e) => e.lastReportedMonth).length).toBeGreaterThan(2);
    twenty.entities.forEach((e, i) => expect(e.reportedMonths, e.id).toEqual(reportedMonths(representations[i]!.scope)));
    expect(twenty.entities.some((e) => e.reportedMonths.length > 1)).toBe(true);
    expect(twenty.count).toBe(two.count);
    // One aggregate per fact.
    expect(twenty.count).toBe(2);
  });

  it('reads the food trends of 5 territories and the nation in as many statements as 1 territory and the nation', async () => {
    const one = await statementsFor(TREND, [representations[0], nation]);
    const five = await statementsFor(TREND, [...representations.slice(0, 5), nation]);
    expect(five.entities[0]!.months).toHaveLength(24);
    expect(five.entities.at(-1)!.quarters.some((q: { foods: { ratio: string | null }[] }) => q.foods.some((f) => f.ratio !== null && Number(f.ratio) > 0))).toBe(true);
    expect(five.count).toBe(one.count);
    // The food catalogue once, then one GROUP BY per bucket size for the listed scopes and one for the nation.
    expect(five.count).toBeLessThanOrEqual(5);
  });

  it('answers the dashboard facts of the nation and every communal city in as many statements as of one city, each commune\'s as its own facts', async () => {
    const levels = dashboardLevels(territory);
    const DASHBOARD_FACTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id productionDashboardFacts } } }`;
    const one = await statementsFor(DASHBOARD_FACTS, [levels[1]]);
    const all = await statementsFor(DASHBOARD_FACTS, [...levels, { __typename: 'Territory', id: 'council:1' }]);
    expect(all.count).toBe(one.count);
    expect(all.count).toBeLessThanOrEqual(1);
    // A level that is no dashboard's gets none.
    expect(all.entities.at(-1)!.productionDashboardFacts).toBeNull();
    // Each commune's facts in the nation's text are the ones the per-commune fields answer (checked against the seed above).
    const communeReps = representations.filter((r) => r.id.startsWith('commune:'));
    const own = await statementsFor(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id lastReportedMonth reportedMonths } } }`, communeReps);
    const byLevel = levels.map((level, i) => readDashboardFacts(all.entities[i]!.productionDashboardFacts, level.dashboardScopes));
    expect(byLevel[0]!.size).toBe(territory.communes.length);
    for (const e of own.entities) {
      const id = Number(String(e.id).split(':')[1]);
      expect(byLevel[0]!.get(id), e.id).toEqual({ last: e.lastReportedMonth, months: e.reportedMonths, rounds: [] });
      for (const city of byLevel.slice(1)) if (city.has(id)) expect(city.get(id), e.id).toEqual(byLevel[0]!.get(id));
    }
    expect([...byLevel[0]!.values()].some((f) => f.months.length > 1)).toBe(true);
  });
});
