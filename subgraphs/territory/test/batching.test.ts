import { testDatabases } from '@comuna/subgraph-kit/testing';
import { sampleTerritory } from '@comuna/sample-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTerritory, type TerritoryHarness } from './harness.js';

const sample = sampleTerritory();

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on CommunalCouncil { id name census { population } commune { name census { families } } parish { name municipality { name } } state { name } registry { status history { status } } }
  ... on Commune { id name census { population } councils { id } }
  ... on Territory { id level scope { everything councilIds communeIds circuitIds } }
} }`;

describe.each(await testDatabases())('batching on $kind', (database) => {
  let t: TerritoryHarness;
  beforeAll(async () => {
    t = await startTerritory(database);
  });
  afterAll(() => t?.close());

  async function statementsFor(query: string, variables?: Record<string, unknown>) {
    t.statements.reset();
    const result = await t.run(query, variables);
    expect(result.errors).toBeUndefined();
    return { count: t.statements.count, data: result.data! };
  }

  it('sums only the census figures a selection asks for, with the same values as the whole census', async () => {
    const query = (fields: string) => `{ states { id census { ${fields} } } nation { census { ${fields} } } }`;
    t.statements.reset();
    const population = await t.run(query('population'));
    const census = t.statements.statements.filter((sql) => sql.includes('from communal_council cc'));
    expect(census.length).toBeGreaterThan(0);
    for (const sql of census) {
      expect(sql).toContain('sum(cc.population)');
      expect(sql).not.toMatch(/sum\(cc\.(households|families)\)|count\(cc\.id\)/);
    }
    const whole = await t.run(query('households families population councils'));
    expect(population.errors).toBeUndefined();
    const pick = (data: any) => ({ states: data.states.map((s: any) => [s.id, s.census.population]), nation: data.nation.census.population });
    expect(pick(population.data)).toEqual(pick(whole.data));
    expect(whole.data!.nation.census.councils).toBe(sample.councils.length);
    expect(whole.data!.nation.census.population).toBeGreaterThan(0);
  });

  it('resolves 100 entity representations with as many statements as 10', async () => {
    const councils = sample.councils.slice(0, 100).map((c) => ({ __typename: 'CommunalCouncil', id: `council:${c.id}` }));
    const ten = await statementsFor(ENTITIES, { representations: councils.slice(0, 10) });
    const hundred = await statementsFor(ENTITIES, { representations: councils });
    expect(hundred.data._entities).toHaveLength(100);
    expect(hundred.data._entities.every((e: any) => e && e.name)).toBe(true);
    expect(hundred.count).toBe(ten.count);
    expect(hundred.count).toBeLessThanOrEqual(10);
  });

  it('resolves interface-object references (Territory) of mixed levels in one batch per level', async () => {
    const mixed = [
      ...sample.councils.slice(0, 40).map((c) => ({ __typename: 'Territory', id: `council:${c.id}` })),
      ...sample.communes.map((c) => ({ __typename: 'Territory', id: `commune:${c.id}` })),
      { __typename: 'Territory', id: 'nation:ve' },
      { __typename: 'Territory', id: 'state:14' },
      { __typename: 'Territory', id: 'council:999999' },
    ];
    const few = await statementsFor(ENTITIES, { representations: [mixed[0], mixed[41], mixed.at(-3), mixed.at(-2)] });
    const many = await statementsFor(ENTITIES, { representations: mixed });
    // Loaders batch per tick, so a small mixed request may even split a level across two ticks; never more for more rows.
    expect(many.count).toBeLessThanOrEqual(few.count);
    expect(many.data._entities.at(-1)).toBeNull();
    expect(many.data._entities.at(-3)).toMatchObject({ id: 'nation:ve', level: 'NATION', scope: { everything: true } });
  });

  it('serves a page of 100 councils with their relations in as many statements as a page of 10', async () => {
    const query = (n: number) => `{ communalCouncils(first: ${n}) { totalCount edges { node { id census { population } commune { name census { population } communalCity { name } } circuit { name } parish { name } state { name } registry { history { status } } } } } }`;
    const ten = await statementsFor(query(10));
    const hundred = await statementsFor(query(100));
    expect(hundred.data.communalCouncils.edges).toHaveLength(100);
    expect(hundred.count).toBe(ten.count);
  });

  it('refuses an oversized page during argument checks, before any SQL statement', async () => {
    t.statements.reset();
    const result = await t.run('{ communalCouncils(first: 99999999) { totalCount edges { node { id } } } }');
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(t.statements.count).toBe(0);
  });
});
