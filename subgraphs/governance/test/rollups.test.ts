import { testDatabases } from '@comuna/subgraph-kit/testing';
import { sampleTerritory } from '@comuna/sample-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGovernanceRules } from '../src/rules/config.js';
import { buildGovernanceSample } from '../src/seed/build.js';
import { startGovernance, type GovernanceHarness } from './harness.js';

const territory = sampleTerritory();
const sample = buildGovernanceSample(defaultGovernanceRules);
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };

const FIGURES = `query($representations: [_Any!]!, $period: PeriodInput!) { _entities(representations: $representations) {
  ... on Territory { id governance(period: $period) { from to assembliesHeld quorateAssemblies quorumRate averageAttendance attendanceRate lastAssemblyOn decisionsAdopted decisionsVoid activeMandates recalls } }
} }`;

/** Territory's scope of a commune, as territory computes it: the commune, its councils, the circuits centred on it. */
const communeScope = (id: number) => ({
  everything: false,
  communeIds: [`commune:${id}`],
  councilIds: territory.councils.filter((c) => c.communeId === id).map((c) => `council:${c.id}`),
  circuitIds: territory.circuits.filter((c) => c.communeId === id).map((c) => `circuit:${c.id}`),
});
const councilScope = (id: number) => ({ everything: false, councilIds: [`council:${id}`], communeIds: [], circuitIds: [] });
const nation = { __typename: 'Territory', id: 'nation:ve', scope: { everything: true, councilIds: [], communeIds: [], circuitIds: [] } };

/** The figures recomputed in plain JavaScript from the sample rows, independently of the SQL. */
function expected(bodies: Set<string> | 'all', period = PERIOD) {
  const inBody = (body: string) => bodies === 'all' || bodies.has(body);
  const assemblies = sample.assemblies.filter((a) => inBody(a.bodyId) && a.heldOn >= period.from && a.heldOn <= period.to);
  const quorate = assemblies.filter((a) => a.quorate).length;
  const citizens = assemblies.filter((a) => a.kind === 'CITIZENS_ASSEMBLY');
  const byId = new Map(assemblies.map((a) => [a.id, a]));
  const decisions = sample.decisions.filter((d) => byId.has(d.assemblyId));
  const organs = new Set(sample.organs.filter((o) => inBody(o.bodyId)).map((o) => o.id));
  const mandates = sample.mandates.filter((m) => organs.has(m.organId));
  const attendance = assemblies.reduce((n, a) => n + a.attendance, 0);
  const size = assemblies.reduce((n, a) => n + a.bodySize, 0);
  const pct = (n: number, d: number) => (d === 0 ? null : (Math.round((n * 10000) / d) / 100).toFixed(2));
  return {
    from: period.from,
    to: period.to,
    assembliesHeld: assemblies.length,
    quorateAssemblies: quorate,
    quorumRate: pct(quorate, assemblies.length),
    averageAttendance: citizens.length ? (Math.round((citizens.reduce((n, a) => n + a.attendance, 0) * 100) / citizens.length) / 100).toFixed(2) : null,
    attendanceRate: pct(attendance, size),
    lastAssemblyOn: assemblies.map((a) => a.heldOn).sort().at(-1) ?? null,
    decisionsAdopted: decisions.filter((d) => byId.get(d.assemblyId)!.quorate && d.carried).length,
    decisionsVoid: decisions.filter((d) => !byId.get(d.assemblyId)!.quorate).length,
    activeMandates: mandates.filter((m) => m.startOn <= period.to && m.termEndsOn >= period.to && (m.revokedOn === null || m.revokedOn > period.to)).length,
    recalls: sample.recalls.filter((r) => mandates.some((m) => m.id === r.mandateId) && r.decidedOn >= period.from && r.decidedOn <= period.to).length,
  };
}

describe.each(await testDatabases())('governance roll-ups on $kind', (database) => {
  let g: GovernanceHarness;
  beforeAll(async () => {
    g = await startGovernance(database);
  });
  afterAll(() => g?.close());

  async function figures(representations: unknown[], period = PERIOD) {
    g.statements.reset();
    const result = await g.run(FIGURES, { representations, period });
    expect(result.errors).toBeUndefined();
    return { figures: result.data!._entities.map((e: any) => e.governance), statements: g.statements.count };
  }

  it('answers a commune, a council and the nation, matching figures recomputed from the sample', async () => {
    const maizal = communeScope(1);
    const { figures: [commune, council, country] } = await figures([
      { __typename: 'Territory', id: 'commune:1', scope: maizal },
      { __typename: 'Territory', id: 'council:2', scope: councilScope(2) },
      nation,
    ]);
    expect(commune).toEqual(expected(new Set([...maizal.communeIds, ...maizal.councilIds, ...maizal.circuitIds])));
    expect(council).toEqual(expected(new Set(['council:2'])));
    expect(country).toEqual(expected('all'));
    expect(council.recalls).toBe(1);
    expect(country.recalls).toBe(sample.recalls.length);
    expect(country.assembliesHeld).toBeGreaterThan(country.quorateAssemblies);
  });

  it('answers an empty period and a territory with no bodies with zeros and nulls, and refuses a reversed period', async () => {
    const { figures: [empty] } = await figures([{ __typename: 'Territory', id: 'state:24', scope: { everything: false, councilIds: [], communeIds: [], circuitIds: [] } }]);
    expect(empty).toMatchObject({ assembliesHeld: 0, quorumRate: null, averageAttendance: null, lastAssemblyOn: null, activeMandates: 0 });
    const reversed = await g.run(FIGURES, { representations: [nation], period: { from: '2025-12-31', to: '2025-01-01' } });
    expect(reversed.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('runs only the aggregates the selection needs, with the same values, and a wider selection in the same request still gets every figure', async () => {
    const maizal = { __typename: 'Territory', id: 'commune:1', scope: communeScope(1) };
    const all = await figures([maizal, nation]);
    expect(all.statements).toBe(4);
    const ask = async (selection: string) => {
      g.statements.reset();
      const result = await g.run(`query($representations: [_Any!]!, $period: PeriodInput!) { _entities(representations: $representations) { ... on Territory { governance(period: $period) { ${selection} } } } }`, { representations: [maizal, nation], period: PERIOD });
      expect(result.errors).toBeUndefined();
      return { figures: result.data!._entities.map((e: any) => e.governance), statements: g.statements.count };
    };
    const roll = await ask('assembliesHeld attendanceRate');
    expect(roll.statements).toBe(1);
    // The assembly statement reads only the columns those two fields need.
    expect(g.statements.statements.join('\n')).not.toMatch(/quorate|CITIZENS_ASSEMBLY|max\(/);
    expect(roll.figures).toEqual(all.figures.map((f: any) => ({ assembliesHeld: f.assembliesHeld, attendanceRate: f.attendanceRate })));
    const others = await ask('quorumRate averageAttendance lastAssemblyOn');
    expect(others.statements).toBe(1);
    expect(g.statements.statements.join('\n')).not.toMatch(/body_size/);
    expect(others.figures).toEqual(all.figures.map((f: any) => ({ quorumRate: f.quorumRate, averageAttendance: f.averageAttendance, lastAssemblyOn: f.lastAssemblyOn })));
    expect((await ask('from to')).statements).toBe(0);
    expect((await ask('... on GovernanceFigures { recalls } activeMandates')).statements).toBe(2);
    // Two selections of the same territory in one request: each gets its own figures, right.
    g.statements.reset();
    const both = await g.run(`query($representations: [_Any!]!, $period: PeriodInput!) { _entities(representations: $representations) { ... on Territory {
      narrow: governance(period: $period) { assembliesHeld } wide: governance(period: $period) { assembliesHeld decisionsAdopted recalls } } } }`, { representations: [nation], period: PERIOD });
    expect(both.errors).toBeUndefined();
    const country = all.figures[1];
    expect(both.data!._entities[0]).toEqual({ narrow: { assembliesHeld: country.assembliesHeld }, wide: { assembliesHeld: country.assembliesHeld, decisionsAdopted: country.decisionsAdopted, recalls: country.recalls } });
    expect(g.statements.count).toBeLessThanOrEqual(3);
  });

  it('computes a batch of 100+ territories with the same statements as a batch of 10', async () => {
    const councils = territory.councils.map((c) => ({ __typename: 'Territory', id: `council:${c.id}`, scope: councilScope(c.id) }));
    const communes = territory.communes.map((c) => ({ __typename: 'Territory', id: `commune:${c.id}`, scope: communeScope(c.id) }));
    const many = [...councils, ...communes, nation];
    const few = [...councils.slice(0, 5), ...communes.slice(0, 4), nation];
    const small = await figures(few);
    const large = await figures(many);
    expect(large.figures).toHaveLength(many.length);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(4);
    // Spot-check the large batch against the independent computation.
    expect(large.figures[10]).toEqual(expected(new Set([councils[10]!.id])));
    expect(large.figures.at(-2)).toEqual(expected(new Set(Object.values(communeScope(territory.communes.at(-1)!.id)).flat().filter((v): v is string => typeof v === 'string'))));
  });

  it('serves lists of 100 rows with their relations in as many statements as 10', async () => {
    const query = (n: number) => `{ mandates(first: ${n}) { edges { node { status spokesperson { name mandates { id } } organ { name currentMandates { id } mandates(first: 3) { totalCount } } election { electoralCommission { name } } recall { decision { effect assembly { heldOn } } } } } }
      assemblies(first: ${n}) { edges { node { decisions { effect assembly { id } } } } } federations { members(first: ${n}) { edges { node { name } } } } }`;
    g.statements.reset();
    const ten = await g.run(query(10));
    const tenCount = g.statements.count;
    g.statements.reset();
    const hundred = await g.run(query(100));
    expect(ten.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data!.mandates.edges).toHaveLength(100);
    expect(g.statements.count).toBe(tenCount);
  });
});
