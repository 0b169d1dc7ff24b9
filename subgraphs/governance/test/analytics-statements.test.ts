import { sampleTerritory } from '@comuna/sample-data';
import { dashboardLevels, readDashboardFacts, testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGovernanceRules } from '../src/rules/config.js';
import { buildGovernanceSample } from '../src/seed/build.js';
import { startGovernance, type GovernanceHarness } from './harness.js';

const territory = sampleTerritory();
const sample = buildGovernanceSample(defaultGovernanceRules);
const today = new Date().toISOString().slice(0, 10);

/** Months with a quorate assembly of the bodies in scope, recomputed from the seed, not by SQL. */
const quorateMonths = (scope: { councilIds: string[]; communeIds: string[]; circuitIds: string[] }) => {
  const bodies = new Set([...scope.councilIds, ...scope.communeIds, ...scope.circuitIds]);
  return [...new Set(sample.assemblies.filter((a) => a.quorate && a.heldOn <= today && bodies.has(a.bodyId)).map((a) => `${a.heldOn.slice(0, 7)}-01`))].sort();
};

/** Territory representations as the gateway sends them: every commune with its scope, then councils. */
const representations = [
  ...territory.communes.map((c) => ({
    __typename: 'Territory',
    id: `commune:${c.id}`,
    scope: {
      everything: false,
      communeIds: [`commune:${c.id}`],
      councilIds: territory.councils.filter((x) => x.communeId === c.id).map((x) => `council:${x.id}`),
      circuitIds: territory.circuits.filter((x) => x.communeId === c.id).map((x) => `circuit:${x.id}`),
    },
  })),
  ...territory.councils.map((c) => ({ __typename: 'Territory', id: `council:${c.id}`, scope: { everything: false, councilIds: [`council:${c.id}`], communeIds: [], circuitIds: [] } })),
];
const nation = { __typename: 'Territory', id: 'nation:ve', scope: { everything: true, councilIds: [], communeIds: [], circuitIds: [] } };

const FACTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id lastQuorateAssemblyOn quorateAssemblyMonths } } }`;
const TREND = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id
  months: governanceTrend(period: { from: "2024-01-01", to: "2025-12-31" }, bucket: MONTH) { period assembliesHeld quorateAssemblies quorumRate }
  quarters: governanceTrend(period: { from: "2024-01-01", to: "2025-12-31" }, bucket: QUARTER) { period assembliesHeld } } } }`;

describe.each(await testDatabases())('analytics statements on $kind', (database) => {
  let g: GovernanceHarness;
  beforeAll(async () => {
    g = await startGovernance(database);
  });
  afterAll(() => g?.close());

  async function statementsFor(query: string, r: unknown[]) {
    g.statements.reset();
    const result = await g.run(query, { r });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(r.length);
    return { count: g.statements.count, entities: result.data!._entities as Record<string, any>[] };
  }

  it('reads the activity facts of 20 territories in as many statements as 2, the months as the seed has them', async () => {
    expect(representations.length).toBeGreaterThanOrEqual(20);
    const two = await statementsFor(FACTS, representations.slice(0, 2));
    const twenty = await statementsFor(FACTS, representations.slice(0, 20));
    expect(twenty.entities.filter((e) => e.lastQuorateAssemblyOn).length).toBeGreaterThan(2);
    twenty.entities.forEach((e, i) => expect(e.quorateAssemblyMonths, e.id).toEqual(quorateMonths(representations[i]!.scope)));
    expect(twenty.entities.some((e) => e.quorateAssemblyMonths.length > 1)).toBe(true);
    expect(twenty.count).toBe(two.count);
    // One aggregate per fact.
    expect(twenty.count).toBe(2);
  });

  it('reads the trends of 5 territories and the nation in as many statements as 1 territory and the nation', async () => {
    const one = await statementsFor(TREND, [representations[0], nation]);
    const five = await statementsFor(TREND, [...representations.slice(0, 5), nation]);
    expect(five.entities[0]!.months).toHaveLength(24);
    expect(five.entities.at(-1)!.quarters.some((q: { assembliesHeld: number }) => q.assembliesHeld > 0)).toBe(true);
    expect(five.count).toBe(one.count);
    // One GROUP BY per bucket size for the listed scopes and one for the nation.
    expect(five.count).toBeLessThanOrEqual(4);
  });

  it('answers the dashboard facts of the nation and every communal city in as many statements as of one city, each commune\'s as its own facts', async () => {
    const levels = dashboardLevels(territory);
    const DASHBOARD_FACTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id governanceDashboardFacts } } }`;
    const one = await statementsFor(DASHBOARD_FACTS, [levels[1]]);
    const all = await statementsFor(DASHBOARD_FACTS, [...levels, { __typename: 'Territory', id: 'council:1' }]);
    expect(all.count).toBe(one.count);
    expect(all.count).toBeLessThanOrEqual(1);
    // A level that is no dashboard's gets none.
    expect(all.entities.at(-1)!.governanceDashboardFacts).toBeNull();
    // Each commune's facts in the nation's text are the ones the per-commune fields answer (checked against the seed above).
    const communeReps = representations.filter((r) => r.id.startsWith('commune:'));
    const own = await statementsFor(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id lastQuorateAssemblyOn quorateAssemblyMonths } } }`, communeReps);
    const byLevel = levels.map((level, i) => readDashboardFacts(all.entities[i]!.governanceDashboardFacts, level.dashboardScopes));
    expect(byLevel[0]!.size).toBe(territory.communes.length);
    for (const e of own.entities) {
      const id = Number(String(e.id).split(':')[1]);
      expect(byLevel[0]!.get(id), e.id).toEqual({ last: e.lastQuorateAssemblyOn, months: e.quorateAssemblyMonths, rounds: [] });
      for (const city of byLevel.slice(1)) if (city.has(id)) expect(city.get(id), e.id).toEqual(byLevel[0]!.get(id));
    }
    expect([...byLevel[0]!.values()].some((f) => f.months.length > 1)).toBe(true);
  });
});
