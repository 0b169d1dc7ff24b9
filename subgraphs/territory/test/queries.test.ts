import { testDatabases } from '@comuna/subgraph-kit/testing';
import { sampleTerritory } from '@comuna/sample-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTerritory, type TerritoryHarness } from './harness.js';

const sample = sampleTerritory();
const maizal = sample.communes.find((c) => c.name === 'El Maizal')!;

describe.each(await testDatabases())('territory queries on $kind', (database) => {
  let t: TerritoryHarness;
  beforeAll(async () => {
    t = await startTerritory(database);
  });
  afterAll(() => t?.close());

  it('looks a commune up by id and by code, with its census rolled up from its councils', async () => {
    const byId = await t.run(`{ commune(id: "commune:${maizal.id}") { id code name kind foundedOn areaHectares census { families population councils } seatState { name } states { name } provenance { synthetic syntheticFields sources } } }`);
    expect(byId.errors).toBeUndefined();
    expect(byId.data!.commune).toMatchObject({
      id: `commune:${maizal.id}`,
      name: 'El Maizal',
      kind: 'RURAL',
      foundedOn: '2009-03-05',
      areaHectares: '2300',
      census: { families: 3500, population: 14320, councils: 12 },
      seatState: { name: 'Lara' },
      states: [{ name: 'Lara' }, { name: 'Portuguesa' }],
      provenance: { synthetic: true, sources: ['peoples-dispatch-2023'] },
    });
    const byCode = await t.run(`{ commune(code: "${maizal.code}") { id } }`);
    expect(byCode.data!.commune).toEqual({ id: `commune:${maizal.id}` });
  });

  it('answers null for an unknown id or code, and a coded error for both or neither', async () => {
    const missing = await t.run('{ commune(id: "commune:999999") { id } byCode: commune(code: "NOPE") { id } other: commune(id: "state:1") { id } }');
    expect(missing.errors).toBeUndefined();
    expect(missing.data).toEqual({ commune: null, byCode: null, other: null });
    const both = await t.run('{ commune(id: "commune:1", code: "X") { id } }');
    expect(both.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const neither = await t.run('{ commune { id } }');
    expect(neither.errors![0]!.message).toMatch(/exactly one of id or code/);
  });

  it('rolls census up to communal city, state and nation in SQL', async () => {
    const lara = sample.states.find((s) => s.name === 'Lara')!;
    const laraParishes = new Set(sample.parishes.filter((p) => sample.municipalities.find((m) => m.id === p.municipalityId)!.stateId === lara.id).map((p) => p.id));
    const expectLara = sample.councils.filter((c) => laraParishes.has(c.parishId)).reduce((n, c) => n + c.population, 0);
    const cityCommunes = new Set(sample.communes.filter((c) => c.communalCityId === 2).map((c) => c.id));
    const expectCity = sample.councils.filter((c) => c.communeId !== null && cityCommunes.has(c.communeId)).reduce((n, c) => n + c.families, 0);
    const result = await t.run(`{ nation { census { population councils } } state(id: "state:${lara.id}") { census { population } } communalCity(id: "city:2") { census { families } communes { name } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.nation.census).toEqual({ population: sample.councils.reduce((n, c) => n + c.population, 0), councils: sample.councils.length });
    expect(result.data!.state.census.population).toBe(expectLara);
    expect(result.data!.communalCity.census.families).toBe(expectCity);
    expect(result.data!.communalCity.communes.map((c: { name: string }) => c.name)).toEqual(['El Maizal', 'José Pío Tamayo', 'Sectores Unidos']);
  });

  it('pages through councils with stable cursors and a total count', async () => {
    const query = 'query($after: String) { communalCouncils(first: 7, after: $after, orderBy: { field: POPULATION, direction: DESC }) { totalCount edges { node { id census { population } } } pageInfo { hasNextPage endCursor } } }';
    const seen: { id: string; population: number }[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await t.run(query, { after });
      expect(page.errors).toBeUndefined();
      const connection = page.data.communalCouncils;
      expect(connection.totalCount).toBe(sample.councils.length);
      seen.push(...connection.edges.map((e: any) => ({ id: e.node.id, population: e.node.census.population })));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(sample.councils.length);
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    const populations = seen.map((s) => s.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it('filters communes and councils', async () => {
    const result = await t.run('{ communes(filter: { communalCityId: "city:1", kind: URBAN }) { totalCount edges { node { name } } } communalCouncils(filter: { withoutCommune: true, setting: INDIGENOUS }) { totalCount } named: communes(filter: { nameContains: "maiz" }) { edges { node { name } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.communes.edges.map((e: any) => e.node.name)).toEqual(['Altos de Lídice', 'El Panal 2021', 'Eterno Comandante 5 de Marzo']);
    expect(result.data!.communalCouncils.totalCount).toBe(2);
    expect(result.data!.named.edges).toEqual([{ node: { name: 'El Maizal' } }]);
  });

  it('handles page edges: first 0, the last page, and bad arguments', async () => {
    const zero = await t.run('{ communes(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }');
    expect(zero.data!.communes).toEqual({ totalCount: sample.communes.length, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const all = await t.run('{ communes(first: 100) { edges { cursor } pageInfo { hasNextPage } } }');
    expect(all.data!.communes.pageInfo.hasNextPage).toBe(false);
    const last = all.data!.communes.edges.at(-1).cursor;
    const beyond = await t.run(`{ communes(first: 5, after: "${last}") { edges { cursor } pageInfo { hasNextPage } } }`);
    expect(beyond.data!.communes).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
    for (const bad of ['first: 101', 'first: -1', 'after: "garbage"']) {
      const result = await t.run(`{ communes(${bad}) { totalCount } }`);
      expect(result.errors![0]!.extensions!.code, bad).toBe('BAD_USER_INPUT');
    }
    const badFilter = await t.run('{ communalCouncils(filter: { stateId: "lara" }) { totalCount } }');
    expect(badFilter.errors![0]!.message).toMatch(/filter.stateId "lara" is not a state id/);
  });

  it('answers registry statistics by state, kind, status and over time', async () => {
    const result = await t.run('{ registryStatistics(filter: { bodyType: COMMUNE }) { total registered active byStatus { key count } byKind { key count } byState { state { name } count active } registrations(bucket: YEAR) { period count } } }');
    expect(result.errors).toBeUndefined();
    const stats = result.data!.registryStatistics;
    expect(stats.total).toBe(sample.communes.length);
    expect(stats.registered).toBe(sample.communes.length);
    expect(stats.active).toBe(sample.communes.filter((c) => c.history.at(-1)!.status === 'ACTIVE').length);
    expect(stats.byState).toHaveLength(24);
    expect(stats.byState.find((s: any) => s.state.name === 'Distrito Capital')).toEqual({ state: { name: 'Distrito Capital' }, count: 3, active: 3 });
    expect(stats.byState.reduce((n: number, s: any) => n + s.count, 0)).toBe(sample.communes.length);
    expect(stats.byKind.reduce((n: number, k: any) => n + k.count, 0)).toBe(sample.communes.length);
    expect(stats.registrations.reduce((n: number, k: any) => n + k.count, 0)).toBe(sample.communes.length);
    const quarters = await t.run('{ registryStatistics(filter: { bodyType: COMMUNAL_COUNCIL }) { registrations(bucket: QUARTER) { period count } } }');
    expect(quarters.data!.registryStatistics.registrations[0].period).toMatch(/^\d{4}-Q[1-4]$/);
  });

  it('lists the bodies in each territory scope, for other subgraphs to roll up over', async () => {
    const result = await t.run(`{ nation { scope { everything councilIds stateId } } commune(id: "commune:${maizal.id}") { scope { everything councilIds communeIds circuitIds stateId } } communalCity(id: "city:2") { scope { communeIds councilIds stateId } } state(id: "state:14") { scope { everything councilIds communeIds circuitIds stateId } } communalCouncil(id: "council:1") { scope { councilIds communeIds stateId } } }`);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.nation.scope).toEqual({ everything: true, councilIds: [], stateId: null });
    const maizalCouncils = sample.councils.filter((c) => c.communeId === maizal.id).map((c) => `council:${c.id}`);
    expect(result.data!.commune.scope).toEqual({ everything: false, councilIds: maizalCouncils, communeIds: [`commune:${maizal.id}`], circuitIds: sample.circuits.filter((c) => c.communeId === maizal.id).map((c) => `circuit:${c.id}`), stateId: null });
    const cityCommunes = sample.communes.filter((c) => c.communalCityId === 2).map((c) => c.id);
    expect(result.data!.communalCity.scope.communeIds).toEqual(cityCommunes.map((id) => `commune:${id}`));
    expect(result.data!.communalCity.scope.councilIds).toHaveLength(sample.councils.filter((c) => c.communeId !== null && cityCommunes.includes(c.communeId)).length);
    expect(result.data!.communalCity.scope.stateId).toBeNull();
    // A state is named by its id; the domains know which bodies lie in it (ADR 0003).
    expect(result.data!.state.scope).toEqual({ everything: false, councilIds: [], communeIds: [], circuitIds: [], stateId: 'state:14' });
    expect(result.data!.communalCouncil.scope).toEqual({ councilIds: ['council:1'], communeIds: [], stateId: null });
  });

  it('shows the status history with dates and reasons', async () => {
    const result = await t.run(`{ commune(id: "commune:${maizal.id}") { registry { status registeredOn history { status previousStatus effectiveOn reason } } } }`);
    const registry = result.data!.commune.registry;
    expect(registry.history.map((h: any) => h.status)).toEqual(['IN_FORMATION', 'REGISTERED', 'ACTIVE']);
    expect(registry.history[1].previousStatus).toBe('IN_FORMATION');
    expect(registry.registeredOn).toBe(registry.history[1].effectiveOn);
  });
});
