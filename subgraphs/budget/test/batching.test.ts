import { sampleTerritory } from '@comuna/sample-data';
import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeScope, nationScope } from './expected.js';
import { startBudget, type BudgetHarness } from './harness.js';

const territory = sampleTerritory();

const FIGURES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id
  budget(period: { from: "2024-01-01", to: "2026-12-31" }, currency: "VES") { received { amount } committed { amount } spent { amount } executionRate
    projectsByStatus { status count } consultations { rounds turnout winningProposals(first: 5) { totalCount edges { node { id rank project { name } } } } } } } } }`;

describe.each(await testDatabases())('batching on $kind', (database) => {
  let t: BudgetHarness;
  beforeAll(async () => {
    t = await startBudget(database);
  });
  afterAll(() => t?.close());

  async function statementsFor(query: string, variables?: Record<string, unknown>) {
    t.statements.reset();
    const result = await t.run(query, variables);
    expect(result.errors).toBeUndefined();
    return { count: t.statements.count, data: result.data! };
  }

  it('answers 100 Territory representations with scopes in as many statements as 10', async () => {
    // Every council, commune and circuit, then the communes again with their full scopes, and the nation.
    const reps = [
      { __typename: 'Territory', id: 'nation:ve', scope: nationScope },
      ...territory.communes.map((c) => ({ __typename: 'Territory', id: `commune:${c.id}`, scope: communeScope(c.id) })),
      ...territory.circuits.map((c) => ({ __typename: 'Territory', id: `circuit:${c.id}`, scope: { everything: false, councilIds: territory.councils.filter((x) => x.circuitId === c.id).map((x) => `council:${x.id}`), communeIds: [], circuitIds: [`circuit:${c.id}`] } })),
      ...territory.councils.map((c) => ({ __typename: 'Territory', id: `council:${c.id}`, scope: { everything: false, councilIds: [`council:${c.id}`], communeIds: [], circuitIds: [] } })),
    ].slice(0, 100);
    expect(reps).toHaveLength(100);
    const ten = await statementsFor(FIGURES, { r: reps.slice(0, 10) });
    const hundred = await statementsFor(FIGURES, { r: reps });
    expect(hundred.data._entities).toHaveLength(100);
    expect(hundred.count).toBe(ten.count);
    // Two statements per figure (scoped territories, the nation) plus the winners' page and totals, and their projects.
    expect(hundred.count).toBeLessThanOrEqual(12);
  });

  it('serves every paid project (over 50) with funds, history and ledger in as many statements as 10', async () => {
    const query = (n: number) => `{ projects(first: ${n}, filter: { status: [IN_EXECUTION, DONE] }) { totalCount edges { node { id body { id } funds { available { amount } } history { status } ledger(first: 3) { totalCount edges { node { id amount { amount } reversedBy { id } documents { complete } } } } } } } }`;
    const ten = await statementsFor(query(10));
    const hundred = await statementsFor(query(100));
    expect(hundred.data.projects.edges.length).toBeGreaterThan(50);
    expect(hundred.count).toBe(ten.count);
  });

  it('serves a round with 12 ballots, their proposals, projects and tallies in as many statements as 2 ballots', async () => {
    const query = (n: number) => `{ consultation(id: "consultation:1") { ballots(first: ${n}) { totalCount edges { node { circuit { id } tally { turnout } proposals { id rank selected project { name funds { spent { amount } } } } } } } } }`;
    const two = await statementsFor(query(2));
    const all = await statementsFor(query(100));
    expect(all.data.consultation.ballots.edges).toHaveLength(12);
    expect(all.count).toBe(two.count);
  });
});
