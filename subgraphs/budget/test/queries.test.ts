import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetPlan, rankBallot } from '../src/seed/plan.js';
import { communeScope, expectedFigures, nationScope, type Scope } from './expected.js';
import { startBudget, type BudgetHarness } from './harness.js';

const plan = budgetPlan();

const FIGURES = `query($r: [_Any!]!, $from: Date!, $to: Date!, $currency: String!) { _entities(representations: $r) { ... on Territory { id
  budget(period: { from: $from, to: $to }, currency: $currency) { currency received { amount currency } committed { amount } spent { amount } executionRate
    projectsByStatus { status count }
    consultations { rounds eligibleVoters ballotsCast turnout winningProposals(first: 100) { totalCount edges { node { id } } } } } } } }`;

const rep = (id: string, scope: Scope) => ({ __typename: 'Territory', id, scope });

describe.each(await testDatabases())('budget queries on $kind', (database) => {
  let t: BudgetHarness;
  beforeAll(async () => {
    t = await startBudget(database);
  });
  afterAll(() => t?.close());

  it('lists the funding sources, with the interterritorial fund from the reference facts', async () => {
    const result = await t.run('{ fundingSources { id name kind owner { id } provenance { synthetic sources } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.fundingSources).toHaveLength(plan.sources.length);
    expect(result.data!.fundingSources).toContainEqual({ id: 'source:4', name: 'Banco Comunal El Maizal', kind: 'COMMUNAL_BANK', owner: { id: 'commune:1' }, provenance: { synthetic: true, sources: ['peoples-dispatch-2023'] } });
  });

  it('serves the rounds of the reference facts with their funding rule', async () => {
    const result = await t.run('{ consultations { heldOn kind fundedPerCircuit minimumVoterAge officialCounts { proposed selected circuitsTallied } } }');
    expect(result.errors).toBeUndefined();
    const rounds = result.data!.consultations;
    expect(rounds.map((r: any) => r.heldOn)).toEqual(['2024-04-21', '2024-08-25', '2025-02-02', '2025-04-27', '2025-07-27', '2025-11-23', '2026-03-08']);
    expect(rounds.find((r: any) => r.heldOn === '2025-07-27').kind).toBe('YOUTH');
    expect(rounds.map((r: any) => r.fundedPerCircuit)).toEqual([1, 1, 1, 1, 1, 2, 2]);
    for (const [i, round] of rounds.entries()) {
      const proposals = plan.proposals.filter((p) => p.roundId === i + 1);
      expect(round.officialCounts.proposed).toBe(proposals.length);
      expect(round.officialCounts.circuitsTallied).toBe(plan.tallies.filter((x) => x.roundId === i + 1).length);
    }
  });

  it('ranks a ballot by votes with ties to the lower ballot position, and selects by the round rule', async () => {
    const result = await t.run('{ consultation(id: "consultation:6") { ballot(circuitId: "circuit:2") { circuit { id } proposals { id ballotPosition votes rank selected } tally { eligibleVoters ballotsCast invalidBallots turnout } } } }');
    expect(result.errors).toBeUndefined();
    const ballot = result.data!.consultation.ballot;
    const ranked = rankBallot(plan.proposals.filter((p) => p.roundId === 6 && p.circuitId === 'circuit:2'));
    expect(ballot.proposals.map((p: any) => p.id)).toEqual(ranked.map((p) => `proposal:${p.id}`));
    expect(ballot.proposals.map((p: any) => p.rank)).toEqual(ranked.map((_, i) => i + 1));
    expect(ballot.proposals.filter((p: any) => p.selected)).toHaveLength(2);
    const tally = plan.tallies.find((x) => x.roundId === 6 && x.circuitId === 'circuit:2')!;
    expect(ballot.tally.eligibleVoters).toBe(tally.eligibleVoters);
    expect(ballot.tally.turnout).toBe((Math.round((tally.ballotsCast / tally.eligibleVoters) * 10000) / 10000).toFixed(4));
  });

  it('answers budget figures per territory that match the sample recomputed by hand', async () => {
    const cases: [string, Scope][] = [['nation:ve', nationScope], ['commune:1', communeScope(1)], ['commune:3', communeScope(3)], ['commune:11', communeScope(11)]];
    for (const [currency, from, to] of [['VES', '2024-01-01', '2026-12-31'], ['USD', '2025-01-01', '2025-12-31'], ['VES', '2025-06-01', '2025-12-31']] as const) {
      const result = await t.run(FIGURES, { r: cases.map(([id, scope]) => rep(id, scope)), from, to, currency });
      expect(result.errors).toBeUndefined();
      for (const [i, [id, scope]] of cases.entries()) {
        const got = result.data!._entities[i].budget;
        const want = expectedFigures(scope, from, to, currency);
        expect({ id, received: got.received.amount, spent: got.spent.amount, committed: got.committed.amount }).toEqual({ id, received: want.received, spent: want.spent, committed: want.committed });
        expect(got.received.currency).toBe(currency);
        for (const { status, count } of got.projectsByStatus) expect(count).toBe(want.statuses.get(status) ?? 0);
        expect(got.consultations.rounds).toBe(want.rounds);
        expect(got.consultations.eligibleVoters).toBe(want.eligibleVoters);
        expect(got.consultations.ballotsCast).toBe(want.ballotsCast);
        expect(got.consultations.winningProposals.totalCount).toBe(want.winners.length);
        expect(got.consultations.winningProposals.edges.map((e: any) => e.node.id)).toEqual(want.winners.slice(0, 100));
      }
    }
  });

  it('never mixes currencies: USD figures ignore VES money', async () => {
    const result = await t.run(FIGURES, { r: [rep('commune:1', communeScope(1))], from: '2025-01-01', to: '2025-12-31', currency: 'USD' });
    const figures = result.data!._entities[0].budget;
    // El Maizal's maize plan: USD 40,000 received; 18,500 + 12,000 + 12,000 paid, the duplicate reversed.
    expect(figures).toMatchObject({ received: { amount: '40000.00', currency: 'USD' }, spent: { amount: '30500.00' }, executionRate: '0.7625' });
  });

  it('refuses an unknown currency and an inverted period', async () => {
    const bad = await t.run(FIGURES, { r: [rep('nation:ve', nationScope)], from: '2025-01-01', to: '2025-12-31', currency: 'XXX' });
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.message).toMatch(/currency "XXX"/);
    const inverted = await t.run(FIGURES, { r: [rep('nation:ve', nationScope)], from: '2025-12-31', to: '2025-01-01', currency: 'VES' });
    expect(inverted.errors![0]!.message).toMatch(/period.from 2025-12-31 is after/);
  });

  it('pages projects, transfers and the ledger, and shows a reversal next to what it reverses', async () => {
    const first = await t.run('{ projects(first: 5) { totalCount pageInfo { endCursor hasNextPage } edges { node { id proposedOn } } } }');
    expect(first.data!.projects.totalCount).toBe(plan.projects.length);
    const next = await t.run('query($after: String) { projects(first: 5, after: $after) { edges { node { id proposedOn } } } }', { after: first.data!.projects.pageInfo.endCursor });
    const dates = [...first.data!.projects.edges, ...next.data!.projects.edges].map((e: any) => e.node.proposedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    const reversal = plan.entries.find((e) => e.reversesId !== null)!;
    const ledger = await t.run(`{ ledger(first: 100, filter: { projectId: "project:${reversal.projectId}" }) { totalCount edges { node { id amount { amount } reverses { id } reversedBy { id } documents { complete missing } } } } }`);
    expect(ledger.errors).toBeUndefined();
    const entries = ledger.data!.ledger.edges.map((e: any) => e.node);
    expect(entries.find((e: any) => e.id === `entry:${reversal.reversesId}`).reversedBy).toEqual({ id: `entry:${reversal.id}` });
    expect(entries.find((e: any) => e.id === `entry:${reversal.id}`)).toMatchObject({ amount: { amount: '-12000.00' }, reverses: { id: `entry:${reversal.reversesId}` } });
    const incomplete = await t.run('{ ledger(first: 100, filter: { incompleteDocuments: true }) { totalCount edges { node { documents { complete missing quotes } } } } }');
    expect(incomplete.data!.ledger.totalCount).toBe(plan.entries.filter((e) => e.documents.quotes < 3 || !e.documents.receiptMinutes).length);
    expect(incomplete.data!.ledger.edges[0].node.documents).toMatchObject({ complete: false, missing: ['quotes', 'receiptMinutes'], quotes: 2 });
  });

  it('derives body balances per currency from transfers and the ledger', async () => {
    const result = await t.run('{ bodyBalances(bodyId: "commune:1") { received { amount currency } spent { amount } balance { amount } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.bodyBalances).toEqual([
      { received: { amount: '40000.00', currency: 'USD' }, spent: { amount: '30500.00' }, balance: { amount: '9500.00' } },
      { received: { amount: '1200000.00', currency: 'VES' }, spent: { amount: '0.00' }, balance: { amount: '1200000.00' } },
    ]);
  });
});
