import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetPlan } from '../src/seed/plan.js';
import { startBudget, type BudgetHarness } from './harness.js';

const plan = budgetPlan();

const TRANSFER = `mutation($input: RecordTransferInput!) { recordTransfer(input: $input) { id amount { amount currency } body { id } project { id } source { name } } }`;
const PROPOSE = `mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { id status body { id } estimatedCost { amount currency } history { status } } }`;
const STATUS = `mutation($input: ChangeProjectStatusInput!) { changeProjectStatus(input: $input) { id status approvedOn history { status previousStatus reason } } }`;
const ROUND = `mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id heldOn kind fundedPerCircuit } }`;
const PROPOSAL = `mutation($input: AddProposalInput!) { addProposal(input: $input) { id ballotPosition votes rank selected } }`;
const TALLY = `mutation($input: RecordTallyInput!) { recordTally(input: $input) { proposals { id votes rank selected } tally { eligibleVoters ballotsCast turnout } } }`;
const SPEND = `mutation($input: RecordExpenditureInput!) { recordExpenditure(input: $input) { id amount { amount currency } overspendAllowed documents { complete missing } } }`;
const REVERSE = `mutation($input: ReverseExpenditureInput!) { reverseExpenditure(input: $input) { id amount { amount } reverses { id reversedBy { id } } } }`;

const documents = { assemblyMinutes: true, funderApproval: true, accountStatement: true, contractingMinutes: true, quotes: 3, invoice: true, receiptMinutes: true };

describe.each(await testDatabases())('budget mutations on $kind', (database) => {
  let t: BudgetHarness;
  beforeAll(async () => {
    t = await startBudget(database);
  });
  afterAll(() => t?.close());

  /** Runs a mutation expected to fail, and proves it left every table (audit_entry included) as it was. */
  async function refused(query: string, input: Record<string, unknown>, code: string, message?: RegExp) {
    const before = await t.snapshot();
    const result = await t.run(query, { input });
    expect(result.errors, JSON.stringify(input)).toBeDefined();
    expect(result.errors![0]!.extensions!.code, result.errors![0]!.message).toBe(code);
    if (message) expect(result.errors![0]!.message).toMatch(message);
    expect(await t.snapshot()).toBe(before);
  }
  async function ok(query: string, input: Record<string, unknown>) {
    const result = await t.run(query, { input });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return Object.values(result.data!)[0] as any;
  }

  // A whole life: a round, two proposals from councils of circuit:2, a tally, funding, payments and a reversal.
  let round: string;
  let water: any;
  let roads: any;
  it('proposes projects and calls a round', async () => {
    const council = plan.bodies.find((b) => b.circuitId === 'circuit:2')!.id;
    water = await ok(PROPOSE, { name: 'Tanque de agua comunal', category: 'WATER', bodyId: council, estimatedCost: '2500000.50', currency: 'VES', proposedOn: '2026-09-01' });
    expect(water).toMatchObject({ status: 'PROPOSED', body: { id: council }, estimatedCost: { amount: '2500000.50', currency: 'VES' }, history: [{ status: 'PROPOSED' }] });
    roads = await ok(PROPOSE, { name: 'Brocales calle 3', category: 'ROADS', bodyId: 'circuit:2', estimatedCost: '900000', currency: 'VES', proposedOn: '2026-09-02' });
    round = (await ok(ROUND, { heldOn: '2026-10-18', kind: 'GENERAL', fundedPerCircuit: 1 })).id;
    const audit = await t.sql("select action, body, input from audit_entry where action = 'createConsultation'");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.body).toBe('nation:ve');
  });

  it('refuses bad projects and rounds, writing nothing', async () => {
    const base = { name: 'Obra', category: 'WATER', bodyId: 'council:1', estimatedCost: '100', currency: 'VES', proposedOn: '2026-01-01' };
    await refused(PROPOSE, { ...base, bodyId: 'council:99999' }, 'NOT_FOUND', /council:99999/);
    await refused(PROPOSE, { ...base, bodyId: 'state:1' }, 'BAD_USER_INPUT', /not a council, commune or circuit id/);
    await refused(PROPOSE, { ...base, estimatedCost: '-5' }, 'BAD_USER_INPUT', /greater than zero/);
    await refused(PROPOSE, { ...base, estimatedCost: '1.234' }, 'BAD_USER_INPUT', /more than 2 decimal places/);
    await refused(PROPOSE, { ...base, estimatedCost: '1e5' }, 'BAD_USER_INPUT', /not a decimal/);
    await refused(PROPOSE, { ...base, currency: 'BTC' }, 'BAD_USER_INPUT', /currency "BTC"/);
    await refused(PROPOSE, { ...base, proposedOn: '2999-01-01' }, 'BAD_USER_INPUT', /future/);
    await refused(ROUND, { heldOn: '2026-10-18', kind: 'GENERAL', fundedPerCircuit: 1 }, 'CONFLICT', /already exists/);
    await refused(ROUND, { heldOn: '2026-12-06', kind: 'GENERAL', fundedPerCircuit: 8 }, 'BAD_USER_INPUT', /fundedPerCircuit/);
  });

  let proposals: string[] = [];
  it('puts proposals on the circuit ballot and refuses what does not belong there', async () => {
    proposals = [
      (await ok(PROPOSAL, { consultationId: round, circuitId: 'circuit:2', projectId: water.id })).id,
      (await ok(PROPOSAL, { consultationId: round, circuitId: 'circuit:2', projectId: roads.id })).id,
    ];
    const outsider = plan.bodies.find((b) => b.circuitId === 'circuit:3')!.id;
    const other = await ok(PROPOSE, { name: 'Otra obra', category: 'HEALTH', bodyId: outsider, estimatedCost: '10', currency: 'VES', proposedOn: '2026-09-01' });
    await refused(PROPOSAL, { consultationId: round, circuitId: 'circuit:2', projectId: other.id }, 'CONFLICT', /does not vote in circuit:2/);
    await refused(PROPOSAL, { consultationId: round, circuitId: 'circuit:2', projectId: water.id }, 'CONFLICT', /already on the circuit:2 ballot/);
    await refused(PROPOSAL, { consultationId: round, circuitId: 'circuit:999', projectId: water.id }, 'NOT_FOUND');
    await refused(PROPOSAL, { consultationId: 'consultation:999', circuitId: 'circuit:2', projectId: water.id }, 'NOT_FOUND');
    await refused(PROPOSAL, { consultationId: round, circuitId: 'council:1', projectId: water.id }, 'BAD_USER_INPUT', /not a circuit id/);
  });

  it('refuses tallies that do not add up, writing nothing', async () => {
    const tally = (votes: [string, number][], extra: Record<string, unknown> = {}) => ({
      consultationId: round, circuitId: 'circuit:2', eligibleVoters: 1000, invalidBallots: 10, recordedOn: '2026-10-19',
      votes: votes.map(([proposalId, n]) => ({ proposalId, votes: n })), ...extra,
    });
    await refused(TALLY, tally([[proposals[0]!, 700], [proposals[1]!, 300]]), 'BAD_USER_INPUT', /1010 ballots .* exceed the 1000 eligible voters/);
    await refused(TALLY, tally([[proposals[0]!, 7]]), 'BAD_USER_INPUT', /must count every proposal/);
    await refused(TALLY, tally([[proposals[0]!, 7], [proposals[0]!, 7]]), 'BAD_USER_INPUT', /counted twice/);
    const foreign = `proposal:${plan.proposals.find((p) => p.circuitId === 'circuit:3')!.id}`;
    await refused(TALLY, tally([[proposals[0]!, 7], [proposals[1]!, 3], [foreign, 1]]), 'BAD_USER_INPUT', /not on the circuit:2 ballot/);
    await refused(TALLY, tally([[proposals[0]!, -1], [proposals[1]!, 3]]), 'BAD_USER_INPUT', /zero or more/);
    await refused(TALLY, tally([[proposals[0]!, 7], [proposals[1]!, 3]], { recordedOn: '2026-10-01' }), 'BAD_USER_INPUT', /before the round/);
    await refused(TALLY, tally([[proposals[0]!, 7], [proposals[1]!, 3]], { circuitId: 'circuit:3' }), 'CONFLICT', /no ballot/);
  });

  it('records a tally once: a repeat changes nothing, different figures are refused', async () => {
    const input = { consultationId: round, circuitId: 'circuit:2', eligibleVoters: 1000, invalidBallots: 10, recordedOn: '2026-10-19', votes: [{ proposalId: proposals[0], votes: 200 }, { proposalId: proposals[1], votes: 200 }] };
    const ballot = await ok(TALLY, input);
    // A tie: the lower ballot position (the water tank, listed first) ranks first and is the one funded.
    expect(ballot.proposals).toEqual([
      { id: proposals[0], votes: 200, rank: 1, selected: true },
      { id: proposals[1], votes: 200, rank: 2, selected: false },
    ]);
    expect(ballot.tally).toEqual({ eligibleVoters: 1000, ballotsCast: 410, turnout: '0.4100' });
    const tallies = async () => t.sql('select eligible_voters, ballots_cast from circuit_tally where circuit_id = ? order by id', ['circuit:2']);
    const before = await tallies();
    expect(await ok(TALLY, { ...input, recordedOn: '2026-10-20' })).toEqual(ballot);
    expect(await tallies()).toEqual(before);
    await refused(TALLY, { ...input, votes: [{ proposalId: proposals[0], votes: 201 }, { proposalId: proposals[1], votes: 200 }] }, 'CONFLICT', /already tallied/);
    await refused(PROPOSAL, { consultationId: round, circuitId: 'circuit:2', projectId: roads.id }, 'CONFLICT');
    // No voter-level data anywhere: the audit holds the counts it was given, nothing else.
    const audit = await t.sql("select input from audit_entry where action = 'recordTally'");
    expect(JSON.stringify(audit)).not.toMatch(/voterId|cedula|name/i);
  });

  let entry: any;
  it('approves, funds and pays a project; overspending needs the explicit flag, which is recorded', async () => {
    const approved = await ok(STATUS, { projectId: water.id, status: 'APPROVED', effectiveOn: '2026-10-25', reason: 'Won the consultation' });
    expect(approved).toMatchObject({ status: 'APPROVED', approvedOn: '2026-10-25', history: [{ status: 'PROPOSED' }, { status: 'APPROVED', previousStatus: 'PROPOSED' }] });
    const transfer = await ok(TRANSFER, { sourceId: 'source:1', bodyId: approved.id ? water.body.id : '', projectId: water.id, amount: '2000000', currency: 'VES', transferredOn: '2026-11-01', purpose: 'Consulta 2026-10-18' });
    expect(transfer).toMatchObject({ amount: { amount: '2000000.00', currency: 'VES' }, project: { id: water.id } });
    entry = await ok(SPEND, { projectId: water.id, amount: '1500000', currency: 'VES', paidOn: '2026-11-05', payee: 'Cooperativa El Tanque', description: 'Tanque y tubería', documents });
    expect(entry).toMatchObject({ amount: { amount: '1500000.00' }, overspendAllowed: false, documents: { complete: true, missing: [] } });
    const spend = { projectId: water.id, amount: '600000', currency: 'VES', paidOn: '2026-11-06', payee: 'Ferretería', description: 'Bomba', documents: { ...documents, quotes: 1, invoice: false } };
    await refused(SPEND, spend, 'CONFLICT', /500000.00 VES available; a payment of 600000 needs more funds or allowOverspend: true/);
    const over = await ok(SPEND, { ...spend, allowOverspend: true });
    expect(over).toMatchObject({ overspendAllowed: true, documents: { complete: false, missing: ['quotes', 'invoice'] } });
  });

  it('refuses bad money movements, writing nothing', async () => {
    const transfer = { sourceId: 'source:2', bodyId: 'commune:1', amount: '100', currency: 'VES', transferredOn: '2026-01-10', purpose: 'Apoyo' };
    await refused(TRANSFER, { ...transfer, bodyId: 'commune:999' }, 'NOT_FOUND', /commune:999/);
    await refused(TRANSFER, { ...transfer, sourceId: 'source:99' }, 'NOT_FOUND');
    await refused(TRANSFER, { ...transfer, amount: '-100' }, 'BAD_USER_INPUT', /greater than zero/);
    await refused(TRANSFER, { ...transfer, amount: '0' }, 'BAD_USER_INPUT');
    await refused(TRANSFER, { ...transfer, currency: 'usd' }, 'BAD_USER_INPUT', /currency "usd"/);
    await refused(TRANSFER, { ...transfer, projectId: water.id }, 'CONFLICT', /belongs to/);
    await refused(TRANSFER, { ...transfer, bodyId: water.body.id, projectId: water.id, currency: 'USD' }, 'CONFLICT', /costed in VES/);
    await refused(TRANSFER, { ...transfer, bodyId: roads.body.id, projectId: roads.id }, 'CONFLICT', /PROPOSED/);
    const spend = { projectId: water.id, amount: '1', currency: 'VES', paidOn: '2026-11-07', payee: 'Ferretería', description: 'Clavos', documents };
    await refused(SPEND, { ...spend, projectId: roads.id }, 'CONFLICT', /PROPOSED/);
    await refused(SPEND, { ...spend, currency: 'USD' }, 'CONFLICT', /costed in VES/);
    await refused(SPEND, { ...spend, paidOn: '2026-10-01' }, 'CONFLICT', /before the project was approved/);
    await refused(SPEND, { ...spend, projectId: 'project:99999' }, 'NOT_FOUND');
    await refused(SPEND, { ...spend, documents: { ...documents, quotes: -1 } }, 'BAD_USER_INPUT');
    await refused(STATUS, { projectId: water.id, status: 'DONE', effectiveOn: '2026-11-10', reason: 'Listo' }, 'CONFLICT', /can move to IN_EXECUTION or ABANDONED/);
    await refused(STATUS, { projectId: water.id, status: 'IN_EXECUTION', effectiveOn: '2026-10-01', reason: 'Inicio' }, 'BAD_USER_INPUT', /before the project's last change/);
  });

  it('corrects the books only by a reversing entry, once', async () => {
    const reversal = await ok(REVERSE, { entryId: entry.id, reason: 'Pago duplicado', reversedOn: '2026-11-08' });
    expect(reversal).toMatchObject({ amount: { amount: '-1500000.00' }, reverses: { id: entry.id, reversedBy: { id: reversal.id } } });
    await refused(REVERSE, { entryId: entry.id, reason: 'Otra vez', reversedOn: '2026-11-09' }, 'CONFLICT', /already reversed/);
    await refused(REVERSE, { entryId: reversal.id, reason: 'Revertir el reverso', reversedOn: '2026-11-09' }, 'CONFLICT', /itself a reversal/);
    await refused(REVERSE, { entryId: 'entry:99999', reason: 'Nada', reversedOn: '2026-11-09' }, 'NOT_FOUND');
    const funds = await t.run(`{ project(id: "${water.id}") { funds { received { amount } spent { amount } available { amount } } ledger { totalCount } } }`);
    expect(funds.data!.project).toEqual({ funds: { received: { amount: '2000000.00' }, spent: { amount: '600000.00' }, available: { amount: '1400000.00' } }, ledger: { totalCount: 3 } });
  });
});
