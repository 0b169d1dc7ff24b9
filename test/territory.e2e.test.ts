import { testDatabases } from '@comuna/subgraph-kit/testing';
import { sampleTerritory } from '@comuna/sample-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, gateway, service, type Gateway, type Service } from './harness.js';

const sample = sampleTerritory();

describe.each(await testDatabases())('territory through the gateway on $kind', (database) => {
  let territory: Service;
  let gw: Gateway;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    territory = await service('territory', { databaseUrl: database.kind === 'postgresql' ? db.url : undefined });
    gw = await gateway([territory]);
  });
  afterAll(async () => {
    await gw?.stop();
    await territory?.stop();
    await drop?.();
  });

  it('answers a coordinator: a communal city with its communes and their population', async () => {
    const result = await gw.query('{ communalCity(code: "CIU-LAR-001") { name census { population } communes { name census { population families } seatState { name } } } }');
    expect(result.errors).toBeUndefined();
    const city = result.data.communalCity;
    expect(city.communes.map((c: any) => c.name)).toEqual(['El Maizal', 'José Pío Tamayo', 'Sectores Unidos']);
    expect(city.communes[0]).toEqual({ name: 'El Maizal', census: { population: 14320, families: 3500 }, seatState: { name: 'Lara' } });
    expect(city.census.population).toBe(city.communes.reduce((n: number, c: any) => n + c.census.population, 0));
  });

  it('answers a registry: counts by state, status and kind', async () => {
    const result = await gw.query('{ registryStatistics(filter: { bodyType: COMMUNAL_COUNCIL }) { total active byKind { key count } byState { state { name } count } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.registryStatistics.total).toBe(sample.councils.length);
    expect(result.data.registryStatistics.byKind).toEqual([
      { key: 'INDIGENOUS', count: sample.councils.filter((c) => c.setting === 'INDIGENOUS').length },
      { key: 'RURAL', count: sample.councils.filter((c) => c.setting === 'RURAL').length },
      { key: 'URBAN', count: sample.councils.filter((c) => c.setting === 'URBAN').length },
    ]);
  });

  it('resolves any territory through the interface', async () => {
    const result = await gw.query('{ a: territory(id: "commune:1") { level name ... on Commune { kind } } b: territory(id: "nation:ve") { level name census { councils } } c: territory(id: "council:99999") { id } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: { level: 'COMMUNE', name: 'El Maizal', kind: 'RURAL' }, b: { level: 'NATION', name: 'Venezuela', census: { councils: sample.councils.length } }, c: null });
  });

  it('passes coded errors through for bad input, and null for not found', async () => {
    const bad = await gw.query('{ communes(first: 1000) { totalCount } }');
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.message).toMatch(/first must be between 0 and 100/);
    const invalid = await gw.query('{ communes { nope } }');
    expect(invalid.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const missing = await gw.query('{ communalCouncil(code: "CC-XXX-00000") { id } }');
    expect(missing.errors).toBeUndefined();
    expect(missing.data.communalCouncil).toBeNull();
  });

  it('pages to the end and stops', async () => {
    let after: string | null = null;
    const names: string[] = [];
    for (let i = 0; i < 10; i++) {
      const page: any = await gw.query('query($after: String) { communes(first: 4, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }', { after });
      names.push(...page.data.communes.edges.map((e: any) => e.node.name));
      if (!page.data.communes.pageInfo.hasNextPage) break;
      after = page.data.communes.pageInfo.endCursor;
    }
    expect(names).toEqual([...sample.communes.map((c) => c.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('registers a council through the gateway, and a bad one changes nothing', async () => {
    const input = { name: 'Consejo Comunal Propatria', parishId: 'parish:1', setting: 'URBAN', families: 180, population: 700, registeredOn: '2025-09-01' };
    const before = await gw.query('{ communalCouncils(first: 0) { totalCount } }');
    const refused = await gw.query('mutation($input: RegisterCommunalCouncilInput!) { registerCommunalCouncil(input: $input) { id } }', { input: { ...input, families: 99 } }, await bearer('REGISTRY_CLERK'));
    expect(refused.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const after = await gw.query('{ communalCouncils(first: 0) { totalCount } }');
    expect(after.data.communalCouncils.totalCount).toBe(before.data.communalCouncils.totalCount);
    const anonymous = await gw.query('mutation($input: RegisterCommunalCouncilInput!) { registerCommunalCouncil(input: $input) { id } }', { input });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const spokesperson = await gw.query('mutation($input: RegisterCommunalCouncilInput!) { registerCommunalCouncil(input: $input) { id } }', { input }, await bearer('SPOKESPERSON', ['commune:1']));
    expect(spokesperson.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const done = await gw.query('mutation($input: RegisterCommunalCouncilInput!) { registerCommunalCouncil(input: $input) { id parish { name } } }', { input }, await bearer('REGISTRY_CLERK'));
    expect(done.errors).toBeUndefined();
    const counted = await gw.query('{ communalCouncils(first: 0) { totalCount } }');
    expect(counted.data.communalCouncils.totalCount).toBe(before.data.communalCouncils.totalCount + 1);
  });
});
