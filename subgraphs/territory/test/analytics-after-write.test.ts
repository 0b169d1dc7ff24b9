import { sampleTerritory } from '@comuna/sample-data';
import { encodeDashboardFacts, scopesDigest } from '@comuna/subgraph-kit';
import { dashboardScopesOf, testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clerk, startTerritory, type TerritoryHarness } from './harness.js';

const sample = sampleTerritory();
// Domains that know no fact of any commune: only the registry's figures move.
const scopes = dashboardScopesOf(sample.communes, sample.councils, sample.circuits);
const none = encodeDashboardFacts({ digest: scopesDigest(scopes), from: '2020-01', communes: {} });
const nation = { __typename: 'Nation', id: 'nation:ve', governanceDashboardFacts: none, productionDashboardFacts: none, budgetDashboardFacts: none };
const DASHBOARD = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Nation { dashboardCommunes { id } registryDashboard { byStatus { key count } quarters { period newlyInactive } } } } }`;
const CHANGE = `mutation($input: ChangeRegistryStatusInput!) { changeRegistryStatus(input: $input) { id registry { status } } }`;

describe.each(await testDatabases())('analytics after a write on $kind', (database) => {
  let t: TerritoryHarness;
  beforeAll(async () => {
    t = await startTerritory(database);
  });
  afterAll(() => t?.close());

  it('reads the dashboard afresh after a mutation in the same request context', async () => {
    // One context for the three operations, as for the root fields of one request: the loaders are shared.
    const ctx = t.subgraph.createContext(undefined, clerk);
    const run = async (query: string, variables: Record<string, unknown>) => {
      const response = await t.subgraph.apollo.executeOperation({ query, variables }, { contextValue: ctx });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      expect(response.body.singleResult.errors).toBeUndefined();
      return response.body.singleResult.data as Record<string, any>;
    };
    const today = new Date().toISOString().slice(0, 10);
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) + 2) / 3)}`;
    const figures = async () => {
      const dashboard = (await run(DASHBOARD, { r: [nation] }))._entities[0].registryDashboard;
      return { inactive: dashboard.byStatus.find((s: { key: string }) => s.key === 'INACTIVE').count, now: dashboard.quarters.find((q: { period: string }) => q.period === quarter).newlyInactive };
    };
    const active = sample.communes.find((c) => c.history.at(-1)!.status === 'ACTIVE')!;
    const before = await figures();
    await run(CHANGE, { input: { bodyId: `commune:${active.id}`, status: 'INACTIVE', effectiveOn: today, reason: 'No assembly held for a year' } });
    expect(await figures()).toEqual({ inactive: before.inactive + 1, now: before.now + 1 });
  });
});
