import { cloneRows, testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProduction, type ProductionHarness } from './harness.js';

// Issue 6: the SQL statements of a request are the same for a list of 10 and of 1,000, nested fields included.
const UNITS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductionUnit { id code name type sector ownerId workers status
  owner { id } products { id code name } provenance { synthetic }
  reports(first: 3) { totalCount edges { node { id month revision quantity { value unit } product { code } unit { id name } history { revision quantity { value } } } } } } } }`;

describe.each(await testDatabases())('statements per list on $kind', (database) => {
  let t: ProductionHarness;
  let units: number[];
  beforeAll(async () => {
    t = await startProduction(database);
    const execute = (sql: string, params?: unknown[]) => t.subgraph.orm.em.fork().getConnection().execute(sql, params ?? []);
    // A unit with a product and a revised report, copied a thousand times with its product link, report and revision.
    const [source] = await execute('select r.unit_id as unit, r.id as report, v.id as revision from production_report r join report_revision v on v.report_id = r.id order by r.id limit 1');
    const [link] = await execute('select id from unit_product where unit_id = ? order by id limit 1', [source!.unit]);
    units = await cloneRows(execute, 'production_unit', Number(source!.unit), 1000, (i) => ({ code: `TEST-${i}`, name: `Unidad de prueba ${i}` }));
    await cloneRows(execute, 'unit_product', Number(link!.id), units.length, (i) => ({ unit_id: units[i] }));
    const reports = await cloneRows(execute, 'production_report', Number(source!.report), units.length, (i) => ({ unit_id: units[i] }));
    await cloneRows(execute, 'report_revision', Number(source!.revision), reports.length, (i) => ({ report_id: reports[i] }));
  }, 120_000);
  afterAll(() => t?.close());

  it('resolves 1,000 units with their products and a page of reports each in as many statements as 10', async () => {
    const run = async (n: number) => {
      t.statements.reset();
      const result = await t.run(UNITS, { r: units.slice(0, n).map((id) => ({ __typename: 'ProductionUnit', id: `unit:${id}` })) });
      expect(result.errors).toBeUndefined();
      return { count: t.statements.count, units: result.data!._entities as Record<string, any>[] };
    };
    const ten = await run(10);
    const thousand = await run(1000);
    expect(thousand.units).toHaveLength(1000);
    expect(thousand.units.every((u) => u.products.length === 1 && u.reports.totalCount === 1 && u.reports.edges[0].node.history.length === 1)).toBe(true);
    expect(thousand.count).toBe(ten.count);
  });
});
