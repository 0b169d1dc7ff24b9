import { sampleTerritory } from '@comuna/sample-data';
import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTerritory, type TerritoryHarness } from './harness.js';

const sample = sampleTerritory();

/** Facts as the gateway brings them from the domains: some recent, some old, so verdicts differ. */
const facts = (i: number) => ({
  lastQuorateAssemblyOn: i % 2 ? '2020-01-10' : new Date().toISOString().slice(0, 10),
  lastReportedMonth: i % 3 ? null : '2020-01-01',
  lastLedgerEntryOn: '2019-05-05',
  latestConsultation: { heldOn: '2025-10-19', participated: i % 2 === 0 },
  quorateAssemblyMonths: i % 2 ? ['2020-01-01'] : ['2024-02-01', '2025-03-01'],
  reportedMonths: i % 3 ? [] : ['2020-01-01'],
  ledgerEntryMonths: ['2019-05-01'],
  consultationRounds: [{ heldOn: '2024-10-20', participated: true }, { heldOn: '2025-10-19', participated: i % 2 === 0 }],
});

const bodies = [
  ...sample.councils.map((c) => ({ __typename: 'CommunalCouncil', id: `council:${c.id}` })),
  ...sample.communes.map((c) => ({ __typename: 'Commune', id: `commune:${c.id}` })),
  ...sample.circuits.map((c) => ({ __typename: 'CommunalCircuit', id: `circuit:${c.id}` })),
  ...sample.communalCities.map((c) => ({ __typename: 'CommunalCity', id: `city:${c.id}` })),
].map((rep, i) => ({ ...rep, ...facts(i) }));
// Two of each kind, then twenty mixed: every kind's loader is asked in both.
const kinds = ['CommunalCouncil', 'Commune', 'CommunalCircuit', 'CommunalCity'];
const few = kinds.flatMap((k) => bodies.filter((b) => b.__typename === k).slice(0, 2));
const many = [...kinds.flatMap((k) => bodies.filter((b) => b.__typename === k).slice(0, 5)), ...bodies.slice(5, 10)];

/** A level's representation with one set of facts per commune its dashboard counts. */
const level = (typename: string, id: string, communes: number) => ({ __typename: typename, id, dashboardCommunes: Array.from({ length: communes }, (_, i) => facts(i)) });
const cities = sample.communalCities.map((c) => level('CommunalCity', `city:${c.id}`, sample.communes.filter((x) => x.communalCityId === c.id).length));
const states = [...new Set(sample.communes.map((c) => c.seatStateId))].map((s) => level('State', `state:${s}`, sample.communes.filter((x) => x.seatStateId === s).length));
const nation = level('Nation', 'nation:ve', sample.communes.length);

const ACTIVITY = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on CommunalCouncil { id activity { active met criteria { criterion holds } } }
  ... on Commune { id activity { active met } }
  ... on CommunalCircuit { id activity { active met } }
  ... on CommunalCity { id activity { active met explanation } } } }`;
const LIST = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Nation { dashboardCommunes { id } } ... on State { dashboardCommunes { id } } ... on CommunalCity { dashboardCommunes { id } } } }`;
const DASHBOARD = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Nation { registryDashboard { total active paperOnly byStatus { key count } quarters { period newlyRegistered newlyInactive activeByRuleAtEnd newlyInactiveByRule } } }
  ... on State { registryDashboard { total active paperOnly byStatus { key count } quarters { period newlyRegistered newlyInactive activeByRuleAtEnd newlyInactiveByRule } } }
  ... on CommunalCity { registryDashboard { total active paperOnly byStatus { key count } quarters { period newlyRegistered newlyInactive activeByRuleAtEnd newlyInactiveByRule } } } } }`;

describe.each(await testDatabases())('analytics statements on $kind', (database) => {
  let t: TerritoryHarness;
  beforeAll(async () => {
    t = await startTerritory(database);
  });
  afterAll(() => t?.close());

  async function statementsFor(query: string, r: unknown[]) {
    t.statements.reset();
    const result = await t.run(query, { r });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(r.length);
    return { count: t.statements.count, entities: result.data!._entities as Record<string, any>[] };
  }

  it('judges the activity of 25 bodies of every kind in as many statements as 8', async () => {
    const small = await statementsFor(ACTIVITY, few);
    const large = await statementsFor(ACTIVITY, many);
    expect(large.entities.filter((e) => e.activity.active).length).toBeGreaterThan(0);
    expect(large.entities.filter((e) => !e.activity.active).length).toBeGreaterThan(0);
    expect(large.count).toBe(small.count);
    // One look-up per kind of body.
    expect(large.count).toBeLessThanOrEqual(kinds.length);
  });

  // A level kind's references resolve in a tick of their own, so a request is compared with one asking one level of each kind.
  it('lists the communes of the nation and every state and city in as many statements as of the nation, one state and one city', async () => {
    const one = await statementsFor(LIST, [nation, states[0], cities[0]]);
    const all = await statementsFor(LIST, [nation, ...states, ...cities]);
    expect(all.entities[0]!.dashboardCommunes).toHaveLength(sample.communes.length);
    expect(all.count).toBe(one.count);
  });

  it('computes the dashboards of the nation and every state and city in as many statements as of the nation, one state and one city', async () => {
    const one = await statementsFor(DASHBOARD, [nation, states[0], cities[0]]);
    const all = await statementsFor(DASHBOARD, [nation, ...states, ...cities]);
    expect(all.entities[0]!.registryDashboard.total).toBe(sample.communes.length);
    expect(all.entities.slice(1, 1 + states.length).reduce((n, e) => n + e.registryDashboard.total, 0)).toBe(sample.communes.length);
    expect(all.entities[0]!.registryDashboard.quarters.some((q: { activeByRuleAtEnd: number }) => q.activeByRuleAtEnd > 0)).toBe(true);
    expect(all.count).toBe(one.count);
    // Per level kind (nation, state, city): its look-up, its communes and the two per-quarter counts.
    expect(all.count).toBeLessThanOrEqual(11);
  });
});
