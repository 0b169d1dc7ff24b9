import { cloneRows, testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTerritory, type TerritoryHarness } from './harness.js';

// Issue 6: the SQL statements of a request are the same for a list of 10 and of 1,000, nested fields included.
const COUNCILS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CommunalCouncil { id name code
  census { population families } commune { name census { families } communalCity { name } } circuit { name } parish { name municipality { name state { name } } }
  state { name } registry { status registeredOn history { status effectiveOn } } scope { councilIds } } } }`;

describe.each(await testDatabases())('statements per list on $kind', (database) => {
  let t: TerritoryHarness;
  let ids: number[];
  beforeAll(async () => {
    t = await startTerritory(database);
    const execute = (sql: string, params?: unknown[]) => t.subgraph.orm.em.fork().getConnection().execute(sql, params ?? []);
    ids = await cloneRows(execute, 'communal_council', 1, 1000, (i) => ({ code: `TEST-${i}`, name: `Consejo de prueba ${i}` }));
    // Each copy gets a registry history of its own, as a registered council has.
    const history = await execute('select id from status_change where body_id = ? order by id', ['council:1']);
    for (const row of history) await cloneRows(execute, 'status_change', Number(row.id), ids.length, (i) => ({ body_id: `council:${ids[i]}` }));
  }, 120_000);
  afterAll(() => t?.close());

  it('resolves 1,000 councils with their relations in as many statements as 10', async () => {
    const run = async (n: number) => {
      t.statements.reset();
      const result = await t.run(COUNCILS, { r: ids.slice(0, n).map((id) => ({ __typename: 'CommunalCouncil', id: `council:${id}` })) });
      expect(result.errors).toBeUndefined();
      return { count: t.statements.count, councils: result.data!._entities as Record<string, any>[] };
    };
    const ten = await run(10);
    const thousand = await run(1000);
    expect(thousand.councils).toHaveLength(1000);
    expect(thousand.councils.every((c) => c.commune?.name && c.parish.municipality.state.name && c.registry.history.length > 0)).toBe(true);
    expect(thousand.count).toBe(ten.count);
  });
});
