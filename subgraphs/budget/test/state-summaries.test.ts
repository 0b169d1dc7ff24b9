import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetPlan } from '../src/seed/plan.js';
import { rebuildStatements, SUMMARIES } from '../src/summaries/contributions.js';
import { expectedFigures, nationScope, type Scope } from './expected.js';
import { startBudget, type BudgetHarness } from './harness.js';

const plan = budgetPlan();
const STATES = [...new Set(plan.bodies.map((b) => b.stateId))].sort();

const FIGURES = `query($r: [_Any!]!, $from: Date!, $to: Date!, $currency: String!) { _entities(representations: $r) { ... on Territory { id
  budget(period: { from: $from, to: $to }, currency: $currency) { currency received { amount } committed { amount } spent { amount } executionRate
    projectsByStatus { status count }
    consultations { rounds eligibleVoters ballotsCast turnout winningProposals(first: 100) { totalCount edges { node { id } } } } } } } }`;

const PERIODS = [['VES', '2024-01-01', '2026-12-31'], ['USD', '2025-01-01', '2025-12-31'], ['VES', '2025-06-10', '2025-12-03'], ['USD', '2024-04-21', '2024-04-21']] as const;

/** A state's scope as territory lists it (the bodies of the state), without its id: the listed-ids path. */
function listed(state: string, bodies = plan.bodies): Scope {
  const of = (kind: string) => bodies.filter((b) => b.stateId === state && b.kind === kind).map((b) => b.id);
  return { everything: false, councilIds: of('council'), communeIds: of('commune'), circuitIds: of('circuit') };
}
/** A state's scope with its id and no lists: the summary path (what territory sends once the lists are emptied). */
const summarised = (state: string) => ({ everything: false, councilIds: [], communeIds: [], circuitIds: [], stateId: state });
const rep = (id: string, scope: object) => ({ __typename: 'Territory', id, scope });

describe.each(await testDatabases())('state summaries on $kind', (database) => {
  let t: BudgetHarness;
  beforeAll(async () => {
    t = await startBudget(database);
  });
  afterAll(() => t?.close());

  async function figures(reps: object[], [currency, from, to]: readonly [string, string, string]) {
    const result = await t.run(FIGURES, { r: reps, from, to, currency });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!._entities.map((e: any) => e.budget);
  }
  /** Every summary row that holds something (rows emptied by later writes stay behind as zeros). */
  async function summaryRows() {
    const out: Record<string, string[]> = {};
    for (const { table } of SUMMARIES) {
      const rows = await t.sql(`select * from ${table}`);
      out[table] = rows
        .filter((r) => Object.entries(r).some(([k, v]) => !['currency', 'day', 'state_id', 'status', 'consultation_id'].includes(k) && Number(v) !== 0))
        .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)]).sort())))
        .sort();
    }
    return out;
  }
  async function expectSummariesMatchRebuild() {
    const kept = await summaryRows();
    const em = t.subgraph.orm.em.fork();
    await em.transactional(async (tx) => {
      for (const statement of rebuildStatements()) await tx.getConnection().execute(statement, [], 'run', tx.getTransactionContext());
    });
    expect(await summaryRows()).toEqual(kept);
  }

  it('answers every state from its summaries as from its listed bodies, and as recomputed by hand', async () => {
    expect(STATES.length).toBeGreaterThan(1);
    for (const period of PERIODS) {
      const bySummary = await figures(STATES.map((s) => rep(s, summarised(s))), period);
      const byList = await figures(STATES.map((s) => rep(s, listed(s))), period);
      // While territory still fills a state's lists, the state id wins: same answers again.
      const both = await figures(STATES.map((s) => rep(s, { ...listed(s), stateId: s })), period);
      expect(bySummary).toEqual(byList);
      expect(both).toEqual(byList);
      for (const [i, state] of STATES.entries()) {
        const want = expectedFigures(listed(state), period[1], period[2], period[0]);
        expect({ state, received: bySummary[i].received.amount, spent: bySummary[i].spent.amount, committed: bySummary[i].committed.amount }).toEqual({ state, received: want.received, spent: want.spent, committed: want.committed });
        expect(bySummary[i].consultations).toMatchObject({ rounds: want.rounds, eligibleVoters: want.eligibleVoters, ballotsCast: want.ballotsCast });
        expect(bySummary[i].consultations.winningProposals.edges.map((e: any) => e.node.id)).toEqual(want.winners);
      }
      // The nation sums the states (and nothing else: every sample body has a state).
      const [nation] = await figures([rep('nation:ve', nationScope)], period);
      const everyBody: Scope = { everything: false, councilIds: plan.bodies.filter((b) => b.kind === 'council').map((b) => b.id), communeIds: plan.bodies.filter((b) => b.kind === 'commune').map((b) => b.id), circuitIds: plan.bodies.filter((b) => b.kind === 'circuit').map((b) => b.id) };
      expect(nation).toEqual((await figures([rep('nation:all', everyBody)], period))[0]);
    }
  });

  it("answers a state's analytics facts and trend from the bodies known_body files under it, as from its lists", async () => {
    const ANALYTICS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id lastLedgerEntryOn latestConsultation { consultationId circuitsTallied proposals eligibleVoters ballotsCast turnout }
      budgetPerInhabitant(period: { from: "2024-01-01", to: "2026-12-31" }, currency: "VES") { received { amount } spent { amount } ballotsCast }
      budgetTrend(period: { from: "2025-01-01", to: "2025-12-31" }, currency: "USD", bucket: QUARTER) { period received { amount } spent { amount } ballotsCast } } } }`;
    const ask = async (scopeOf: (state: string) => object) => {
      const result = await t.run(ANALYTICS, { r: STATES.map((s) => ({ ...rep(s, scopeOf(s)), census: { population: 1000 } })) });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data!._entities;
    };
    const bySummary = await ask(summarised);
    expect(bySummary).toEqual(await ask((s) => listed(s)));
    expect(bySummary.some((f: any) => f.lastLedgerEntryOn !== null)).toBe(true);
  });

  it('answers all the states in as many statements as one', async () => {
    const count = async (reps: object[]) => {
      t.statements.reset();
      await figures(reps, PERIODS[0]);
      return t.statements.count;
    };
    const nation = rep('nation:ve', nationScope);
    // A state is answered from its summaries (its winning proposals, which have none, from its bodies' facts).
    await count([rep(STATES[0]!, summarised(STATES[0]!))]);
    expect(t.statements.statements.filter((s) => /budget_state_(money|projects|turnout)/.test(s))).toHaveLength(3);
    expect(await count(STATES.map((s) => rep(s, summarised(s))))).toBe(await count([rep(STATES[0]!, summarised(STATES[0]!))]));
    expect(await count([...STATES.map((s) => rep(s, summarised(s))), nation])).toBe(await count([rep(STATES[0]!, summarised(STATES[0]!)), nation]));
  });

  it('reads committed money only when it is asked for, with the same received and spent either way', async () => {
    const MONEY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { budget(period: { from: "2024-01-01", to: "2026-12-31" }, currency: "VES") { received { amount } spent { amount } } } } }`;
    for (const scopeOf of [summarised, (s: string) => listed(s)]) {
      const reps = STATES.map((s) => rep(s, scopeOf(s)));
      t.statements.reset();
      const narrow = await t.run(MONEY, { r: reps });
      expect(narrow.errors).toBeUndefined();
      expect(t.statements.statements.some((s) => /committed|estimated_cost/.test(s))).toBe(false);
      const full = await figures(reps, ['VES', '2024-01-01', '2026-12-31']);
      expect(t.statements.statements.some((s) => /committed|estimated_cost/.test(s))).toBe(true);
      expect(narrow.data!._entities.map((e: any) => e.budget)).toEqual(full.map((f: any) => ({ received: f.received, spent: f.spent })));
      expect(full.some((f: any) => Number(f.committed.amount) > 0)).toBe(true);
    }
  });

  it('moves a state and the nation with each write, in the write transaction; a refused or rolled-back write moves nothing', async () => {
    const state = plan.bodies.find((b) => b.kind === 'commune')!.stateId;
    const other = STATES.find((s) => s !== state)!;
    const body = plan.bodies.find((b) => b.stateId === state && b.kind === 'commune')!.id;
    const period = ['USD', '2026-01-01', '2026-10-31'] as const;
    const read = async () => figures([rep(state, summarised(state)), rep(other, summarised(other)), rep('nation:ve', nationScope)], period);
    const before = await read();

    const project = await t.run('mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { id } }', {
      input: { name: 'Summary test project', category: 'WATER', bodyId: body, estimatedCost: '1000', currency: 'USD', proposedOn: '2026-03-05' },
    });
    const projectId = project.data!.proposeProject.id;
    const approve = await t.run('mutation($input: ChangeProjectStatusInput!) { changeProjectStatus(input: $input) { id } }', { input: { projectId, status: 'APPROVED', effectiveOn: '2026-03-06', reason: 'Approved by the funder' } });
    expect(approve.errors).toBeUndefined();
    const transfer = await t.run('mutation($input: RecordTransferInput!) { recordTransfer(input: $input) { id } }', {
      input: { sourceId: 'source:2', bodyId: body, amount: '1234.56', currency: 'USD', transferredOn: '2026-03-04', purpose: 'Summary test transfer', projectId },
    });
    expect(transfer.errors).toBeUndefined();
    const pay = await t.run('mutation($input: RecordExpenditureInput!) { recordExpenditure(input: $input) { id } }', {
      input: { projectId, amount: '200', currency: 'USD', paidOn: '2026-03-07', payee: 'Ferretería', description: 'Tubos', documents: { assemblyMinutes: true, funderApproval: true, accountStatement: true, contractingMinutes: true, quotes: 3, invoice: true, receiptMinutes: true } },
    });
    expect(pay.errors).toBeUndefined();

    const after = await read();
    const plus = (a: string, b: string) => (Math.round(Number(a) * 100) + Math.round(Number(b) * 100)) / 100;
    for (const i of [0, 2]) {
      expect(Number(after[i].received.amount)).toBe(plus(before[i].received.amount, '1234.56'));
      expect(Number(after[i].committed.amount)).toBe(plus(before[i].committed.amount, '1000'));
      expect(Number(after[i].spent.amount)).toBe(plus(before[i].spent.amount, '200'));
      const approved = (f: any) => f.projectsByStatus.find((s: any) => s.status === 'APPROVED').count;
      expect(approved(after[i])).toBe(approved(before[i]) + 1);
    }
    expect(after[1]).toEqual(before[1]);

    // Refused (overspend without the flag): nothing moves, summaries included.
    const snapshot = await t.snapshot();
    const refused = await t.run('mutation($input: RecordExpenditureInput!) { recordExpenditure(input: $input) { id } }', {
      input: { projectId, amount: '999999', currency: 'USD', paidOn: '2026-03-08', payee: 'Ferretería', description: 'Demasiado', documents: { assemblyMinutes: true, funderApproval: true, accountStatement: true, contractingMinutes: true, quotes: 3, invoice: true, receiptMinutes: true } },
    });
    expect(refused.errors).toBeDefined();
    expect(await t.snapshot()).toBe(snapshot);

    // A transaction that wrote a fact and then failed leaves the summaries as they were: the trigger's upsert is in it.
    const em = t.subgraph.orm.em.fork();
    await expect(
      em.transactional(async (tx) => {
        await tx.getConnection().execute(`insert into transfer (source_id, body_id, amount_minor, currency, transferred_on, purpose, synthetic_fields, sources) values (2, ?, 500, 'USD', '2026-03-09', 'Rolled back', '[]', '[]')`, [body], 'run', tx.getTransactionContext());
        throw new Error('abort after the insert');
      }),
    ).rejects.toThrow('abort after the insert');
    expect(await t.snapshot()).toBe(snapshot);
    expect(await read()).toEqual(after);
    await expectSummariesMatchRebuild();
  });

  it('moves the facts of a body whose state changes to the new state', async () => {
    const body = plan.bodies.find((b) => b.kind === 'circuit' && plan.tallies.some((x) => x.circuitId === b.id))!;
    const to = STATES.find((s) => s !== body.stateId)!;
    await t.sql('update known_body set state_id = ? where id = ?', [to, body.id]);
    const moved = plan.bodies.map((b) => (b.id === body.id ? { ...b, stateId: to } : b));
    for (const period of PERIODS) {
      const reps = [body.stateId, to].map((s) => rep(s, summarised(s)));
      expect(await figures(reps, period)).toEqual(await figures([body.stateId, to].map((s) => rep(s, listed(s, moved))), period));
    }
    await expectSummariesMatchRebuild();
    await t.sql('update known_body set state_id = ? where id = ?', [body.stateId, body.id]);
  });
});
