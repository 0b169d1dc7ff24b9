import { anonymous } from '@comuna/subgraph-kit';
import { testDatabases } from '@comuna/subgraph-kit/testing';
import { sampleTerritory } from '@comuna/sample-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGovernanceRules } from '../src/rules/config.js';
import { buildGovernanceSample } from '../src/seed/build.js';
import { startGovernance, startTerritoryProcess, type GovernanceHarness, type TerritoryProcess } from './harness.js';

const territory = sampleTerritory();
const sample = buildGovernanceSample(defaultGovernanceRules);
const council = territory.councils.find((c) => c.id === 12)!;
const maizalCouncils = territory.councils.filter((c) => c.communeId === 1).length;

const RECORD = `mutation($input: RecordAssemblyInput!) { recordAssembly(input: $input) { id kind bodyId attendance agenda quorum { rule bodySize bodySizeSource required met } decisions { id position carried valid effect } provenance { synthetic sources } } }`;
const ELECT = `mutation($input: ElectSpokespersonInput!) { electSpokesperson(input: $input) { id role seat status startOn termEndsOn spokesperson { id name } organ { id } election { heldOn electoralCommission { kind } } } }`;
const RECALL = `mutation($input: RecallMandateInput!) { recallMandate(input: $input) { id status revokedOn recall { requestedBy decidedOn decision { effect } } } }`;
const COMMITTEE = `mutation($input: CreateCommitteeInput!) { createCommittee(input: $input) { id bodyId kind name topic principalSeats substituteSeats currentMandates { id } } }`;

const assembly = (overrides: Record<string, unknown> = {}) => ({
  bodyId: `council:${council.id}`,
  heldOn: '2026-06-10',
  attendance: Math.ceil(council.families / 10),
  agenda: ['Rendición de cuentas', 'Elección del Comité de Deportes'],
  decisions: [{ text: 'Aprobar la rendición de cuentas', votesFor: 40, votesAgainst: 3, votesAbstaining: 2 }],
  ...overrides,
});

describe.each(await testDatabases())('governance mutations on $kind', (database) => {
  let t: TerritoryProcess;
  let g: GovernanceHarness;
  beforeAll(async () => {
    t = await startTerritoryProcess();
    g = await startGovernance(database, { territoryUrl: t.url });
  });
  afterAll(async () => {
    await g?.close();
    await t?.stop();
  });

  /** Runs a mutation expected to fail, and proves it left every table (audit_entry included) as it was. */
  async function refused(query: string, input: Record<string, unknown>, code: string, message?: RegExp) {
    const before = await g.snapshot();
    const result = await g.run(query, { input });
    expect(result.errors, JSON.stringify(input)).toBeDefined();
    expect(result.errors![0]!.extensions!.code, result.errors![0]!.message).toBe(code);
    if (message) expect(result.errors![0]!.message).toMatch(message);
    expect(await g.snapshot()).toBe(before);
  }

  it('records a citizens\' assembly with quorum from territory\'s census, and audits it', async () => {
    const result = await g.run(RECORD, { input: assembly() });
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordAssembly).toMatchObject({
      kind: 'CITIZENS_ASSEMBLY',
      quorum: { rule: 'SHARE_OF_FAMILIES', bodySize: council.families, bodySizeSource: expect.stringMatching(/^territory census of \d{4}-\d{2}-\d{2}$/), required: Math.ceil(council.families / 10), met: true },
      decisions: [{ position: 1, carried: true, valid: true, effect: 'ADOPTED' }],
      provenance: { synthetic: false, sources: ['recorded'] },
    });
    const audit = await g.subgraph.orm.em.fork().getConnection().execute("select action, body, subject from audit_entry where action = 'recordAssembly'");
    expect(audit).toEqual([{ action: 'recordAssembly', body: `council:${council.id}`, subject: 'governance-test' }]);
  });

  it('records an inquorate assembly whose decisions are void', async () => {
    const result = await g.run(RECORD, { input: assembly({ heldOn: '2026-07-01', attendance: Math.ceil(council.families / 10) - 1 }) });
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordAssembly.quorum.met).toBe(false);
    expect(result.data!.recordAssembly.decisions).toEqual([expect.objectContaining({ carried: true, valid: false, effect: 'VOID_INQUORATE' })]);
  });

  it('records a parliament session against a majority of the commune\'s seats', async () => {
    const seats = maizalCouncils + 4;
    const result = await g.run(RECORD, { input: assembly({ bodyId: 'commune:1', attendance: Math.floor(seats / 2) + 1, decisions: [{ text: 'Aprobar el plan de siembra', votesFor: 4, votesAgainst: 4, votesAbstaining: 1 }] }) });
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordAssembly).toMatchObject({ kind: 'PARLIAMENT_SESSION', quorum: { rule: 'MAJORITY_OF_SEATS', bodySize: seats, required: Math.floor(seats / 2) + 1, met: true } });
    // A tie does not carry.
    expect(result.data!.recordAssembly.decisions[0]).toMatchObject({ carried: false, effect: 'REJECTED' });
  });

  it('returns the same assembly for a retried idempotency key, and writes once', async () => {
    const input = assembly({ heldOn: '2026-08-05', idempotencyKey: 'field-report-0001' });
    const first = await g.run(RECORD, { input });
    const before = await g.snapshot();
    const again = await g.run(RECORD, { input });
    expect(again.data!.recordAssembly.id).toBe(first.data!.recordAssembly.id);
    expect(await g.snapshot()).toBe(before);
    await refused(RECORD, { ...input, heldOn: '2026-08-06' }, 'CONFLICT', /already used/);
  });

  it('refuses bad assemblies and writes nothing', async () => {
    await refused(RECORD, assembly({ heldOn: '2999-01-01' }), 'BAD_USER_INPUT', /future/);
    await refused(RECORD, assembly({ attendance: council.families + 1 }), 'BAD_USER_INPUT', new RegExp(`more than the ${council.families} families`));
    await refused(RECORD, assembly({ attendance: -1 }), 'BAD_USER_INPUT', /input.attendance/);
    await refused(RECORD, assembly({ bodyId: 'council:99999' }), 'NOT_FOUND', /council:99999/);
    await refused(RECORD, assembly({ bodyId: 'state:1' }), 'BAD_USER_INPUT', /council or commune/);
    await refused(RECORD, assembly({ agenda: [] }), 'BAD_USER_INPUT', /agenda/);
    await refused(RECORD, assembly({ decisions: [{ text: 'Nada', votesFor: 0, votesAgainst: 0, votesAbstaining: 0 }] }), 'BAD_USER_INPUT', /no votes/);
    await refused(RECORD, assembly({ bodyId: 'commune:1', attendance: 9, decisions: [{ text: 'Demasiados votos', votesFor: 9, votesAgainst: 1, votesAbstaining: 0 }] }), 'BAD_USER_INPUT', /only 9 delegates/);
  });

  it('refuses writes from anonymous callers', async () => {
    const result = await g.run(RECORD, { input: assembly() }, anonymous);
    expect(result.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('creates a committee, elects its spokespersons and refuses a second holder of a seat', async () => {
    const created = await g.run(COMMITTEE, { input: { bodyId: `council:${council.id}`, name: 'Comité de Deportes', topic: 'sport', createdOn: '2026-06-10' } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createCommittee).toMatchObject({ kind: 'COMMITTEE', topic: 'sport', principalSeats: 5, substituteSeats: 2, currentMandates: [] });
    const organId = created.data!.createCommittee.id;
    await refused(COMMITTEE, { bodyId: `council:${council.id}`, name: 'comité de deportes', topic: 'sport', createdOn: '2026-06-10' }, 'CONFLICT', /already has an organ named/);
    await refused(COMMITTEE, { bodyId: 'commune:4242', name: 'Comité Fantasma', topic: 'none', createdOn: '2026-06-10' }, 'NOT_FOUND');

    const elected = await g.run(ELECT, { input: { organId, name: 'Yelitza Colmenares', role: 'PRINCIPAL', seat: 1, electedOn: '2026-06-20' } });
    expect(elected.errors).toBeUndefined();
    expect(elected.data!.electSpokesperson).toMatchObject({ role: 'PRINCIPAL', seat: 1, status: 'ACTIVE', startOn: '2026-06-20', termEndsOn: '2029-06-19', election: { heldOn: '2026-06-20', electoralCommission: { kind: 'ELECTORAL_COMMISSION' } } });
    const person = elected.data!.electSpokesperson.spokesperson.id;

    await refused(ELECT, { organId, name: 'Otra Persona', role: 'PRINCIPAL', seat: 1, electedOn: '2026-07-01' }, 'CONFLICT', /seat 1 .* is held by mandate/);
    await refused(ELECT, { organId, spokespersonId: person, role: 'PRINCIPAL', seat: 2, electedOn: '2026-07-01' }, 'CONFLICT', /already holds/);
    await refused(ELECT, { organId, name: 'Otra Persona', role: 'PRINCIPAL', seat: 6, electedOn: '2026-07-01' }, 'BAD_USER_INPUT', /input.seat/);
    await refused(ELECT, { organId, name: 'Pedro 0412-5551234', role: 'SUBSTITUTE', seat: 1, electedOn: '2026-07-01' }, 'BAD_USER_INPUT', /no ID or phone numbers/);
    await refused(ELECT, { organId, name: 'Otra Persona', role: 'SUBSTITUTE', seat: 1, electedOn: '2999-07-01' }, 'BAD_USER_INPUT', /future/);
    await refused(ELECT, { organId, name: 'Otra Persona', role: 'SUBSTITUTE', seat: 1, electedOn: '2026-07-01', onBehalfOf: 'council:1' }, 'BAD_USER_INPUT', /only to communal parliament/);
    await refused(ELECT, { organId, name: 'Otra Persona', spokespersonId: person, role: 'SUBSTITUTE', seat: 1, electedOn: '2026-07-01' }, 'BAD_USER_INPUT', /exactly one/);
    await refused(ELECT, { organId: 'organ:999999', name: 'Otra Persona', role: 'SUBSTITUTE', seat: 1, electedOn: '2026-07-01' }, 'NOT_FOUND');
    const parliament = sample.organs.find((o) => o.kind === 'COMMUNAL_PARLIAMENT' && o.bodyId === 'commune:1')!;
    await refused(ELECT, { organId: `organ:${parliament.id}`, name: 'Otra Persona', role: 'PRINCIPAL', seat: 40, electedOn: '2026-07-01' }, 'BAD_USER_INPUT', /onBehalfOf is required/);
  });

  it('recalls an active mandate on the assembly\'s decision date, and refuses what the law does not allow', async () => {
    const unit = sample.organs.find((o) => o.bodyId === `council:${council.id}` && o.kind === 'SOCIAL_CONTROL_UNIT')!;
    const target = sample.mandates.filter((m) => m.organId === unit.id && m.role === 'PRINCIPAL' && m.seat === 2).at(-1)!;
    const recorded = await g.run(RECORD, {
      input: assembly({
        heldOn: '2026-09-20',
        decisions: [
          { text: 'Revocar el mandato del vocero principal 2 de la Contraloría Social', votesFor: 60, votesAgainst: 10, votesAbstaining: 5 },
          { text: 'Revocar otro mandato', votesFor: 10, votesAgainst: 60, votesAbstaining: 5 },
        ],
      }),
    });
    const [adopted, rejected] = recorded.data!.recordAssembly.decisions;
    const inquorate = await g.run(RECORD, { input: assembly({ heldOn: '2026-09-21', attendance: 1, decisions: [{ text: 'Revocar sin quórum', votesFor: 1, votesAgainst: 0, votesAbstaining: 0 }] }) });
    const voidDecision = inquorate.data!.recordAssembly.decisions[0].id;
    const base = { mandateId: `mandate:${target.id}`, requestedBy: 'RESIDENTS', requestedOn: '2026-09-01', signatures: 90, eligibleResidents: 800, reportedOn: '2026-09-12', decisionId: adopted.id };

    await refused(RECALL, { ...base, signatures: 79 }, 'BAD_USER_INPUT', /at least 80 are needed/);
    await refused(RECALL, { ...base, signatures: undefined }, 'BAD_USER_INPUT', /needs input.signatures/);
    await refused(RECALL, { ...base, reportedOn: '2026-09-17' }, 'BAD_USER_INPUT', /later than 15 days/);
    await refused(RECALL, { ...base, reportedOn: '2026-08-30' }, 'BAD_USER_INPUT', /before the request/);
    await refused(RECALL, { ...base, decisionId: rejected.id }, 'CONFLICT', /was rejected/);
    await refused(RECALL, { ...base, decisionId: voidDecision, reportedOn: '2026-09-12' }, 'CONFLICT', /void: its assembly/);
    await refused(RECALL, { ...base, decisionId: `decision:${sample.decisions.find((d) => sample.assemblies.find((a) => a.id === d.assemblyId)!.bodyId !== `council:${council.id}`)!.id}` }, 'BAD_USER_INPUT', /not by the citizens' assembly/);
    const expired = sample.mandates.find((m) => m.organId === unit.id && m.termEndsOn < '2026-09-20')!;
    await refused(RECALL, { ...base, mandateId: `mandate:${expired.id}`, requestedOn: '2026-09-01' }, 'CONFLICT', /not active on 2026-09-20 \(expired\)/);
    await refused(RECALL, { ...base, mandateId: 'mandate:999999' }, 'NOT_FOUND');

    const done = await g.run(RECALL, { input: base });
    expect(done.errors).toBeUndefined();
    expect(done.data!.recallMandate).toEqual({ id: `mandate:${target.id}`, status: 'REVOKED', revokedOn: '2026-09-20', recall: { requestedBy: 'RESIDENTS', decidedOn: '2026-09-20', decision: { effect: 'ADOPTED' } } });
    await refused(RECALL, { ...base, requestedBy: 'SOCIAL_CONTROL_UNIT', signatures: undefined, eligibleResidents: undefined }, 'CONFLICT', /not active|already revoked/);

    // The seat is free again: a successor can be elected from the decision date on.
    const successor = await g.run(ELECT, { input: { organId: `organ:${unit.id}`, name: 'Zuleima Barrios', role: 'PRINCIPAL', seat: 2, electedOn: '2026-10-04' } });
    expect(successor.errors).toBeUndefined();
    const history = await g.run(`{ organ(id: "organ:${unit.id}") { currentMandates { seat role spokesperson { name } } mandates(first: 100) { totalCount } } }`);
    expect(history.data!.organ.currentMandates.filter((m: any) => m.role === 'PRINCIPAL' && m.seat === 2)).toEqual([{ seat: 2, role: 'PRINCIPAL', spokesperson: { name: 'Zuleima Barrios' } }]);
    expect(history.data!.organ.mandates.totalCount).toBe(sample.mandates.filter((m) => m.organId === unit.id).length + 1);
  });
});
