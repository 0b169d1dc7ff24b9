import { sampleTerritory } from '@comuna/sample-data';
import { dashboardLevels, readDashboardFacts, testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetPlan } from '../src/seed/plan.js';
import { communeScope, nationScope, type Scope } from './expected.js';
import { startBudget, type BudgetHarness } from './harness.js';

const territory = sampleTerritory();
const census = { population: 10_000 };
const plan = budgetPlan();
const today = new Date().toISOString().slice(0, 10);

/** Months with ledger entries and the part taken in each round held, recomputed from the seed plan, not by SQL. */
function expected(scope: Scope) {
  const bodies = new Set([...scope.councilIds, ...scope.communeIds, ...scope.circuitIds]);
  const projectBody = new Map(plan.projects.map((p) => [p.id, p.bodyId]));
  return {
    ledgerEntryMonths: [...new Set(plan.entries.filter((e) => e.paidOn <= today && bodies.has(e.bodyId)).map((e) => `${e.paidOn.slice(0, 7)}-01`))].sort(),
    consultationRounds: plan.rounds
      .filter((r) => r.heldOn <= today)
      .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id)
      .map((r) => {
        const tallies = plan.tallies.filter((t) => t.roundId === r.id && bodies.has(t.circuitId));
        const proposals = plan.proposals.filter((p) => p.roundId === r.id && bodies.has(projectBody.get(p.projectId)!));
        return { heldOn: r.heldOn, participated: tallies.some((t) => t.ballotsCast > 0) || proposals.length > 0, circuitsTallied: tallies.length, proposals: proposals.length };
      }),
  };
}

/** Territory representations as the gateway sends them (scope and population): communes, then councils. */
const representations = [
  ...territory.communes.map((c) => ({ __typename: 'Territory', id: `commune:${c.id}`, scope: communeScope(c.id), census })),
  ...territory.councils.map((c) => ({ __typename: 'Territory', id: `council:${c.id}`, scope: { everything: false, councilIds: [`council:${c.id}`], communeIds: [], circuitIds: [] }, census })),
];
const nation = { __typename: 'Territory', id: 'nation:ve', scope: nationScope, census };

const FACTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id lastLedgerEntryOn
  latestConsultation { consultationId heldOn participated circuitsTallied proposals eligibleVoters ballotsCast turnout }
  ledgerEntryMonths consultationRounds { heldOn participated circuitsTallied proposals } } } }`;
const TREND = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id
  months: budgetTrend(period: { from: "2024-01-01", to: "2025-12-31" }, currency: "VES", bucket: MONTH) { period received { amount } spent { amount } turnout }
  quarters: budgetTrend(period: { from: "2024-01-01", to: "2025-12-31" }, currency: "USD", bucket: QUARTER) { period spentPerInhabitant } } } }`;

describe.each(await testDatabases())('analytics statements on $kind', (database) => {
  let t: BudgetHarness;
  beforeAll(async () => {
    t = await startBudget(database);
  });
  afterAll(() => t?.close());

  async function statementsFor(query: string, r: unknown[]) {
    t.statements.reset();
    const result = await t.run(query, { r });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(r.length);
    return { count: t.statements.count, entities: result.data!._entities as Record<string, any>[] };
  }

  it('reads the activity facts of 20 territories in as many statements as 2, the months and rounds as the seed has them', async () => {
    const two = await statementsFor(FACTS, representations.slice(0, 2));
    const twenty = await statementsFor(FACTS, representations.slice(0, 20));
    expect(twenty.entities.filter((e) => e.lastLedgerEntryOn).length).toBeGreaterThan(2);
    expect(twenty.entities.filter((e) => e.latestConsultation?.participated).length).toBeGreaterThan(2);
    twenty.entities.forEach((e, i) => expect({ ledgerEntryMonths: e.ledgerEntryMonths, consultationRounds: e.consultationRounds }, e.id).toEqual(expected(representations[i]!.scope)));
    expect(twenty.entities.some((e) => e.ledgerEntryMonths.length > 1 && e.consultationRounds.some((r: { participated: boolean }) => r.participated))).toBe(true);
    expect(twenty.count).toBe(two.count);
    // The latest round and the rounds held, the two ledger aggregates and the two participation UNIONs.
    expect(twenty.count).toBeLessThanOrEqual(6);
  });

  it('reads the budget trends of 5 territories and the nation in as many statements as 1 territory and the nation', async () => {
    const one = await statementsFor(TREND, [representations[0], nation]);
    const five = await statementsFor(TREND, [...representations.slice(0, 5), nation]);
    expect(five.entities[0]!.months).toHaveLength(24);
    expect(five.entities.at(-1)!.months.some((m: { spent: { amount: string } }) => Number(m.spent.amount) > 0)).toBe(true);
    expect(five.count).toBe(one.count);
    // Per (period, currency, bucket): one statement for the scoped territories and one for the nation.
    expect(five.count).toBeLessThanOrEqual(4);
  });

  it('answers the dashboard facts of the nation and every communal city in as many statements as of one city, each commune\'s as its own facts', async () => {
    const levels = dashboardLevels(territory);
    const DASHBOARD_FACTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id budgetDashboardFacts } } }`;
    const one = await statementsFor(DASHBOARD_FACTS, [levels[1]]);
    const all = await statementsFor(DASHBOARD_FACTS, [...levels, { __typename: 'Territory', id: 'council:1' }]);
    expect(all.count).toBe(one.count);
    expect(all.count).toBeLessThanOrEqual(3);
    // A level that is no dashboard's gets none.
    expect(all.entities.at(-1)!.budgetDashboardFacts).toBeNull();
    // Each commune's facts in the nation's text are the ones the per-commune fields answer (checked against the seed above).
    const communeReps = representations.filter((r) => r.id.startsWith('commune:'));
    const own = await statementsFor(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id lastLedgerEntryOn ledgerEntryMonths consultationRounds { heldOn participated } } } }`, communeReps);
    const byLevel = levels.map((level, i) => readDashboardFacts(all.entities[i]!.budgetDashboardFacts, level.dashboardScopes));
    expect(byLevel[0]!.size).toBe(territory.communes.length);
    for (const e of own.entities) {
      const id = Number(String(e.id).split(':')[1]);
      expect(byLevel[0]!.get(id), e.id).toEqual({ last: e.lastLedgerEntryOn, months: e.ledgerEntryMonths, rounds: e.consultationRounds });
      for (const city of byLevel.slice(1)) if (city.has(id)) expect(city.get(id), e.id).toEqual(byLevel[0]!.get(id));
    }
    expect([...byLevel[0]!.values()].some((f) => f.months.length > 1)).toBe(true);
  });
});
