import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGovernanceRules } from '../src/rules/config.js';
import { buildGovernanceSample } from '../src/seed/build.js';
import { startGovernance, type GovernanceHarness } from './harness.js';

const sample = buildGovernanceSample(defaultGovernanceRules);

describe.each(await testDatabases())('governance queries on $kind', (database) => {
  let g: GovernanceHarness;
  beforeAll(async () => {
    g = await startGovernance(database);
  });
  afterAll(() => g?.close());

  it('shows an assembly with its quorum, agenda and decisions', async () => {
    const a = sample.assemblies[0]!;
    const result = await g.run(`{ assembly(id: "assembly:${a.id}") { id kind bodyId heldOn attendance agenda quorum { rule bodySize required present met } decisions { position votesFor votesAgainst votesAbstaining carried effect valid } provenance { synthetic } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.assembly).toMatchObject({
      id: `assembly:${a.id}`, kind: 'CITIZENS_ASSEMBLY', bodyId: a.bodyId, heldOn: a.heldOn, attendance: a.attendance, agenda: a.agenda,
      quorum: { rule: 'SHARE_OF_FAMILIES', bodySize: a.bodySize, required: Math.ceil(a.bodySize / 10), present: a.attendance, met: a.attendance >= Math.ceil(a.bodySize / 10) },
      provenance: { synthetic: true },
    });
    expect(result.data!.assembly.decisions).toHaveLength(sample.decisions.filter((d) => d.assemblyId === a.id).length);
  });

  it('marks every decision of an inquorate assembly void, whatever its votes', async () => {
    const inquorate = sample.assemblies.find((a) => !a.quorate)!;
    const carried = sample.decisions.find((d) => d.assemblyId === inquorate.id)!;
    const result = await g.run(`{ decision(id: "decision:${carried.id}") { carried valid effect assembly { quorum { met } } } }`);
    expect(result.data!.decision).toEqual({ carried: carried.carried, valid: false, effect: 'VOID_INQUORATE', assembly: { quorum: { met: false } } });
    const quorate = sample.decisions.find((d) => sample.assemblies.find((a) => a.id === d.assemblyId)!.quorate && d.carried)!;
    const adopted = await g.run(`{ decision(id: "decision:${quorate.id}") { valid effect } }`);
    expect(adopted.data!.decision).toEqual({ valid: true, effect: 'ADOPTED' });
  });

  it('filters assemblies by body, period and quorum, a page at a time', async () => {
    const body = 'council:5';
    const mine = sample.assemblies.filter((a) => a.bodyId === body);
    const result = await g.run(`{ assemblies(filter: { bodyIds: ["${body}"] }, first: 2) { totalCount edges { node { heldOn } } pageInfo { hasNextPage endCursor } } }`);
    expect(result.data!.assemblies.totalCount).toBe(mine.length);
    const dates = mine.map((a) => a.heldOn).sort().reverse();
    expect(result.data!.assemblies.edges.map((e: any) => e.node.heldOn)).toEqual(dates.slice(0, 2));
    const next = await g.run(`{ assemblies(filter: { bodyIds: ["${body}"] }, first: 100, after: "${result.data!.assemblies.pageInfo.endCursor}") { edges { node { heldOn } } pageInfo { hasNextPage } } }`);
    expect(next.data!.assemblies.edges.map((e: any) => e.node.heldOn)).toEqual(dates.slice(2));
    const inquorate = await g.run('{ assemblies(filter: { quorate: false, period: { from: "2025-01-01", to: "2025-06-30" } }, first: 0) { totalCount } }');
    expect(inquorate.data!.assemblies.totalCount).toBe(sample.assemblies.filter((a) => !a.quorate && a.heldOn >= '2025-01-01' && a.heldOn <= '2025-06-30').length);
    const bad = await g.run('{ assemblies(filter: { bodyIds: ["state:1"] }) { totalCount } }');
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const tooMany = await g.run('{ assemblies(first: 101) { totalCount } }');
    expect(tooMany.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('answers a body\'s current spokespersons and its full history', async () => {
    const body = 'council:7';
    const organs = new Set(sample.organs.filter((o) => o.bodyId === body).map((o) => o.id));
    const all = sample.mandates.filter((m) => organs.has(m.organId));
    const today = new Date().toISOString().slice(0, 10);
    const active = all.filter((m) => m.startOn <= today && m.termEndsOn >= today && m.revokedOn === null);
    const current = await g.run(`{ mandates(filter: { bodyIds: ["${body}"], status: ACTIVE }, first: 100) { totalCount edges { node { status role seat spokesperson { name } organ { kind } election { method electoralCommission { kind } } } } } }`);
    expect(current.errors).toBeUndefined();
    expect(current.data!.mandates.totalCount).toBe(active.length);
    expect(current.data!.mandates.edges.every((e: any) => e.node.status === 'ACTIVE' && e.node.election.electoralCommission.kind === 'ELECTORAL_COMMISSION')).toBe(true);
    const history = await g.run(`{ mandates(filter: { bodyIds: ["${body}"] }, first: 0) { totalCount } expired: mandates(filter: { bodyIds: ["${body}"], status: EXPIRED }, first: 0) { totalCount } }`);
    expect(history.data!.mandates.totalCount).toBe(all.length);
    expect(history.data!.expired.totalCount).toBe(all.filter((m) => m.termEndsOn < today && m.revokedOn === null).length);
  });

  it('keeps the trail of a recall: request, report, decision and the revoked mandate', async () => {
    const recall = sample.recalls[0]!;
    const result = await g.run(`{ mandate(id: "mandate:${recall.mandateId}") { status revokedOn recall { requestedBy requestedOn reportedOn decidedOn signatures eligibleResidents decision { effect text } } } }`);
    expect(result.data!.mandate).toEqual({
      status: 'REVOKED', revokedOn: recall.decidedOn,
      recall: { requestedBy: recall.requestedBy, requestedOn: recall.requestedOn, reportedOn: recall.reportedOn, decidedOn: recall.decidedOn, signatures: recall.signatures, eligibleResidents: recall.eligibleResidents, decision: { effect: 'ADOPTED', text: expect.stringMatching(/^Revocar/) } },
    });
  });

  it('lists committees with their current spokespersons, and the organisations of communes', async () => {
    const committees = sample.organs.filter((o) => o.kind === 'COMMITTEE' && o.bodyId === 'council:3');
    const result = await g.run('{ organs(filter: { bodyIds: ["council:3"], kinds: [COMMITTEE] }) { totalCount edges { node { name topic principalSeats substituteSeats currentMandates { id } mandates(first: 5) { totalCount } } } } }');
    expect(result.data!.organs.totalCount).toBe(committees.length);
    expect(result.data!.organs.edges[0].node).toMatchObject({ principalSeats: 5, substituteSeats: 2 });
    const unit = await g.run('{ organs(filter: { bodyIds: ["council:3"], kinds: [EXECUTIVE_UNIT] }) { edges { node { currentMandates { role seat } } } } }');
    expect(unit.data!.organs.edges[0].node.currentMandates).toHaveLength(7);
    const union = await g.run('{ federations { name foundedOn foundedAt provenance { synthetic sources } members(first: 100) { totalCount edges { node { kind name commune { id } provenance { synthetic } } } } } }');
    const [federation] = union.data!.federations;
    expect(federation).toMatchObject({ name: 'Unión Comunera', foundedOn: '2022-03-04', provenance: { synthetic: false } });
    expect(federation.members.totalCount).toBe(sample.federationMembers.length);
    expect(federation.members.edges[0].node).toEqual({ kind: 'COMMUNE', name: 'Altos de Lídice', commune: { id: 'commune:9' }, provenance: { synthetic: true } });
    expect(federation.members.edges.find((e: any) => e.node.name === 'El Maizal').node.provenance.synthetic).toBe(false);
  });

  it('keeps only names of spokespersons: no ID, phone or address anywhere in the schema', async () => {
    const result = await g.run('{ __type(name: "Spokesperson") { fields { name } } }');
    expect(result.data!.__type.fields.map((f: any) => f.name).sort()).toEqual(['id', 'mandates', 'name', 'provenance']);
    const columns = await g.subgraph.orm.em.fork().getConnection().execute(
      database.kind === 'sqlite' ? "select name from pragma_table_info('spokesperson')" : "select column_name as name from information_schema.columns where table_name = 'spokesperson'",
    );
    // `subject` links a spokesperson to a login (roles from mandates); it is no personal datum and no type shows it.
    expect(columns.map((c: any) => c.name).sort()).toEqual(['id', 'name', 'sources', 'subject', 'synthetic_fields']);
  });
});
