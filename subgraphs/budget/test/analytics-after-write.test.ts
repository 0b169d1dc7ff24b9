import { actorFrom } from '@comuna/subgraph-kit';
import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetPlan } from '../src/seed/plan.js';
import { startBudget, type BudgetHarness } from './harness.js';

const FACT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id lastLedgerEntryOn
  budgetTrend(period: { from: "2026-01-01", to: "2026-12-31" }, currency: "USD", bucket: QUARTER) { period spent { amount } } } } }`;
const SPEND = `mutation($input: RecordExpenditureInput!) { recordExpenditure(input: $input) { id } }`;
const documents = { assemblyMinutes: true, funderApproval: true, accountStatement: true, contractingMinutes: true, quotes: 3, invoice: true, receiptMinutes: true };
const admin = actorFrom('test-admin', [{ role: 'ADMIN', bodies: ['*'] }]);
const project = budgetPlan().projects.find((p) => p.history.at(-1)!.status === 'IN_EXECUTION' && p.bodyId === 'commune:1' && p.currency === 'USD')!;
const commune = { __typename: 'Territory', id: 'commune:1', scope: { everything: false, councilIds: [], communeIds: ['commune:1'], circuitIds: [] }, census: { population: 1000 } };

describe.each(await testDatabases())('analytics after a write on $kind', (database) => {
  let t: BudgetHarness;
  beforeAll(async () => {
    t = await startBudget(database);
  });
  afterAll(() => t?.close());

  it('reads the facts and trend afresh after a mutation in the same request context', async () => {
    // One context for the three operations, as for the root fields of one request: the loaders are shared.
    const ctx = t.subgraph.createContext(undefined, admin);
    const run = async (query: string, variables: Record<string, unknown>) => {
      const response = await t.subgraph.apollo.executeOperation({ query, variables }, { contextValue: ctx });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      expect(response.body.singleResult.errors).toBeUndefined();
      return response.body.singleResult.data as Record<string, any>;
    };
    const today = new Date().toISOString().slice(0, 10);
    const before = (await run(FACT, { r: [commune] }))._entities[0];
    expect(before.lastLedgerEntryOn).not.toBe(today);
    await run(SPEND, { input: { projectId: `project:${project.id}`, amount: '125.50', currency: 'USD', paidOn: today, payee: 'Agropecuaria', description: 'Semilla', documents, allowOverspend: true } });
    const after = (await run(FACT, { r: [commune] }))._entities[0];
    expect(after.lastLedgerEntryOn).toBe(today);
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) + 2) / 3)}`;
    const spent = (trend: { period: string; spent: { amount: string } }[]) => Number(trend.find((p) => p.period === quarter)!.spent.amount);
    expect(spent(after.budgetTrend) - spent(before.budgetTrend)).toBeCloseTo(125.5, 2);
  });
});
