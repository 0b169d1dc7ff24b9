import { cloneRows, testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBudget, type BudgetHarness } from './harness.js';

// Issue 6: the SQL statements of a request are the same for a list of 10 and of 1,000, nested fields included.
const ENTRIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on LedgerEntry { id amount { amount currency } paidOn payee description overspendAllowed
  documents { complete missing } reverses { id } reversedBy { id } provenance { synthetic }
  project { id name status body { id } funds { received { amount } spent { amount } available { amount } } history { status effectiveOn } ledger(first: 2) { totalCount edges { node { id } } } } } } }`;

describe.each(await testDatabases())('statements per list on $kind', (database) => {
  let t: BudgetHarness;
  let entries: number[];
  beforeAll(async () => {
    t = await startBudget(database);
    // Copies of every unreversed payment of the sample, so the thousand entries belong to many projects.
    const sources = await t.sql('select id from ledger_entry where reverses_id is null and id not in (select reverses_id from ledger_entry where reverses_id is not null) order by id');
    const copies = Math.ceil(1000 / sources.length);
    entries = [];
    for (const source of sources) entries.push(...(await cloneRows(t.sql, 'ledger_entry', Number(source.id), copies)));
    entries = entries.slice(0, 1000);
  }, 120_000);
  afterAll(() => t?.close());

  it('resolves 1,000 ledger entries with their projects, funds and history in as many statements as 10', async () => {
    const run = async (n: number) => {
      t.statements.reset();
      const result = await t.run(ENTRIES, { r: entries.slice(0, n).map((id) => ({ __typename: 'LedgerEntry', id: `entry:${id}` })) });
      expect(result.errors).toBeUndefined();
      return { count: t.statements.count, entries: result.data!._entities as Record<string, any>[] };
    };
    const ten = await run(10);
    const thousand = await run(1000);
    expect(thousand.entries).toHaveLength(1000);
    expect(thousand.entries.every((e) => e && e.project.history.length > 0 && e.project.ledger.totalCount > 0)).toBe(true);
    expect(new Set(thousand.entries.map((e) => e.project.id)).size).toBeGreaterThan(1);
    expect(thousand.count).toBe(ten.count);
  });
});
