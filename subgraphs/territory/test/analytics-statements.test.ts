import { sampleTerritory } from '@comuna/sample-data';
import { encodeDashboardFacts, encodeIndexes, encodeMonths, scopesDigest } from '@comuna/subgraph-kit';
import { dashboardScopesOf, testDatabases } from '@comuna/subgraph-kit/testing';
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

type SampleCommune = (typeof sample.communes)[number];
/** A level's communes' scopes as territory must send them, rebuilt from the sample. */
const scopesOf = (communes: SampleCommune[]) => dashboardScopesOf(communes, sample.councils, sample.circuits);
/** A level's representation with the three domains' facts texts, one set of facts per commune its dashboard counts. */
const level = (typename: string, id: string, communes: SampleCommune[], digest = scopesDigest(scopesOf(communes))) => {
  const all = [...communes].sort((a, b) => a.id - b.id).map((c, i) => [c.id, facts(i)] as const);
  const from = '2019-01';
  const text = (row: (f: ReturnType<typeof facts>) => (string | null)[], rounds?: string[]) =>
    encodeDashboardFacts({ digest, from, ...(rounds ? { rounds } : {}), communes: Object.fromEntries(all.map(([cid, f]) => [cid, row(f)])) });
  return {
    __typename: typename,
    id,
    governanceDashboardFacts: text((f) => [f.lastQuorateAssemblyOn, encodeMonths(f.quorateAssemblyMonths, from)]),
    productionDashboardFacts: text((f) => [f.lastReportedMonth, encodeMonths(f.reportedMonths, from)]),
    budgetDashboardFacts: text(
      (f) => [f.lastLedgerEntryOn, encodeMonths(f.ledgerEntryMonths, from), encodeIndexes(f.consultationRounds.flatMap((r, i) => (r.participated ? [i] : [])))],
      facts(0).consultationRounds.map((r) => r.heldOn),
    ),
  };
};
const communesOfCity = (id: number) => sample.communes.filter((x) => x.communalCityId === id);
const communesOfState = (id: number) => sample.communes.filter((x) => x.seatStateId === id);
const cities = sample.communalCities.map((c) => level('CommunalCity', `city:${c.id}`, communesOfCity(c.id)));
const stateIds = [...new Set(sample.communes.map((c) => c.seatStateId))];
const states = stateIds.map((s) => level('State', `state:${s}`, communesOfState(s)));
const nation = level('Nation', 'nation:ve', sample.communes);

const ACTIVITY = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on CommunalCouncil { id activity { active met criteria { criterion holds } } }
  ... on Commune { id activity { active met } }
  ... on CommunalCircuit { id activity { active met } }
  ... on CommunalCity { id activity { active met explanation } } } }`;
const LIST = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Nation { dashboardCommunes { id } dashboardScopes } ... on State { dashboardCommunes { id } dashboardScopes } ... on CommunalCity { dashboardCommunes { id } dashboardScopes } } }`;
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
    // The scopes the domains read, exactly as recomputed from the sample, for every level.
    const expected = [scopesOf(sample.communes), ...stateIds.map((s) => scopesOf(communesOfState(s))), ...sample.communalCities.map((c) => scopesOf(communesOfCity(c.id)))];
    expect(all.entities.map((e) => e.dashboardScopes)).toEqual(expected);
    expect(JSON.parse(expected[0]!).some((c: number[][]) => c[1]!.length > 0 && c[2]!.length > 0)).toBe(true);
    expect(all.count).toBe(one.count);
  });

  it('refuses facts about other scopes (a commune registered or a council moved in between), and facts missing', async () => {
    const stale = level('Nation', 'nation:ve', sample.communes, scopesDigest(scopesOf(sample.communes.slice(1))));
    const missing = { ...nation, budgetDashboardFacts: undefined };
    for (const [r, message] of [[stale, /registry changed/], [missing, /without budget's facts/]] as const) {
      const result = await t.run(DASHBOARD, { r: [r] });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    }
  });

  it('computes the dashboards of the nation and every state and city in as many statements as of the nation, one state and one city', async () => {
    const one = await statementsFor(DASHBOARD, [nation, states[0], cities[0]]);
    const all = await statementsFor(DASHBOARD, [nation, ...states, ...cities]);
    expect(all.entities[0]!.registryDashboard.total).toBe(sample.communes.length);
    expect(all.entities.slice(1, 1 + states.length).reduce((n, e) => n + e.registryDashboard.total, 0)).toBe(sample.communes.length);
    expect(all.entities[0]!.registryDashboard.quarters.some((q: { activeByRuleAtEnd: number }) => q.activeByRuleAtEnd > 0)).toBe(true);
    expect(all.count).toBe(one.count);
    // Per level kind (nation, state, city) at most: its look-up, its communes, the two per-quarter counts and the
    // two member lists of its communes' scopes (the digest the domains' facts must name).
    expect(all.count).toBeLessThanOrEqual(18);
  });
});
