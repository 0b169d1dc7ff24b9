import { testDatabases } from '@comuna/subgraph-kit/testing';
import { sampleTerritory } from '@comuna/sample-data';
import { actorFrom, anonymous } from '@comuna/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTerritory, type TerritoryHarness } from './harness.js';

const sample = sampleTerritory();
const caracasParish = sample.parishes.find((p) => p.name === 'Sucre')!;
const loose = sample.councils.filter((c) => c.communeId === null && c.setting === 'URBAN');
const maizalCouncil = sample.councils.find((c) => c.communeId === 1)!;

const REGISTER = `mutation($input: RegisterCommunalCouncilInput!) { registerCommunalCouncil(input: $input) { id code name setting census { families households population } registry { status registeredOn history { status reason } } state { name } } }`;
const FORM_COMMUNE = `mutation($input: FormCommuneInput!) { formCommune(input: $input) { id code kind formationStep census { councils } councils { id } registry { status registeredOn } } }`;
const ADVANCE = `mutation($input: AdvanceCommuneFormationInput!) { advanceCommuneFormation(input: $input) { formationStep registry { status registeredOn history { status reason } } } }`;
const CHANGE = `mutation($input: ChangeRegistryStatusInput!) { changeRegistryStatus(input: $input) { id registry { status history { status previousStatus reason } } } }`;
const CITY = `mutation($input: FormCommunalCityInput!) { formCommunalCity(input: $input) { id name communes { id } census { councils } } }`;
const CENSUS = `mutation($input: UpdateCensusInput!) { updateCensus(input: $input) { census { families households population } censusAsOf } }`;
const CIRCUIT = `mutation($input: FormCommunalCircuitInput!) { formCommunalCircuit(input: $input) { id councils { id } commune { id } registry { status } } }`;

const council = (overrides: Record<string, unknown> = {}) => ({
  name: 'Consejo Comunal Los Frailes',
  parishId: `parish:${caracasParish.id}`,
  setting: 'URBAN',
  families: 220,
  population: 900,
  registeredOn: '2025-05-10',
  ...overrides,
});

describe.each(await testDatabases())('territory mutations on $kind', (database) => {
  let t: TerritoryHarness;
  beforeAll(async () => {
    t = await startTerritory(database);
  });
  afterAll(() => t?.close());

  /** Runs a mutation expected to fail, and proves it left every table as it was. */
  async function refused(query: string, input: Record<string, unknown>, code: string, message?: RegExp) {
    const before = await t.snapshot();
    const result = await t.run(query, { input });
    expect(result.errors, JSON.stringify(input)).toBeDefined();
    expect(result.errors![0]!.extensions!.code, result.errors![0]!.message).toBe(code);
    if (message) expect(result.errors![0]!.message).toMatch(message);
    expect(await t.snapshot()).toBe(before);
  }

  it('registers a council with a generated code and its history', async () => {
    const result = await t.run(REGISTER, { input: council() });
    expect(result.errors).toBeUndefined();
    expect(result.data!.registerCommunalCouncil).toMatchObject({
      name: 'Consejo Comunal Los Frailes',
      code: expect.stringMatching(/^CC-DIS-\d{5}$/),
      census: { families: 220, households: 220, population: 900 },
      registry: { status: 'REGISTERED', registeredOn: '2025-05-10', history: [{ status: 'REGISTERED', reason: 'Registered with the ministry' }] },
      state: { name: 'Distrito Capital' },
    });
    // The write and its audit entry land together.
    const audit = await t.subgraph.orm.em.fork().getConnection().execute("select action, body, request_id as \"requestId\", input from audit_entry where action = 'registerCommunalCouncil'");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.body).toBe(`parish:${caracasParish.id}`);
    expect(JSON.stringify(audit[0]!.input)).toContain('Los Frailes');
  });

  it('refuses bad councils and writes nothing', async () => {
    await refused(REGISTER, council({ families: 120 }), 'BAD_USER_INPUT', /An urban communal council has 150 to 400 families; got 120/);
    await refused(REGISTER, council({ families: 401 }), 'BAD_USER_INPUT');
    await refused(REGISTER, council({ setting: 'RURAL', families: 19, population: 80 }), 'BAD_USER_INPUT', /at least 20 families/);
    await refused(REGISTER, council({ setting: 'INDIGENOUS', families: 9, population: 40 }), 'BAD_USER_INPUT', /at least 10 families/);
    await refused(REGISTER, council({ population: 100 }), 'BAD_USER_INPUT', /population/);
    await refused(REGISTER, council({ parishId: 'parish:99999' }), 'NOT_FOUND', /parish:99999/);
    await refused(REGISTER, council({ parishId: 'commune:1' }), 'BAD_USER_INPUT');
    await refused(REGISTER, council({ registeredOn: '2999-01-01' }), 'BAD_USER_INPUT', /future/);
    await refused(REGISTER, council({ registeredOn: '2025-02-30' }), 'BAD_USER_INPUT');
    await refused(REGISTER, council({ name: '  ' }), 'BAD_USER_INPUT');
    await refused(REGISTER, council({ code: sample.councils[0]!.code }), 'CONFLICT', /already taken/);
    await refused(REGISTER, council({ code: 'bad code' }), 'BAD_USER_INPUT');
  });

  it('forms a commune from free councils and takes it through formation to registration', async () => {
    const ids = loose.slice(1, 4).map((c) => `council:${c.id}`);
    const formed = await t.run(FORM_COMMUNE, { input: { name: 'Comuna Catia Unida', kind: 'URBAN', councilIds: ids, foundedOn: '2025-01-15', areaHectares: '42.5' } });
    expect(formed.errors).toBeUndefined();
    const commune = formed.data!.formCommune;
    expect(commune).toMatchObject({ kind: 'URBAN', formationStep: 'PROMOTER_COMMISSION', census: { councils: 3 }, registry: { status: 'IN_FORMATION', registeredOn: null } });
    expect(commune.councils.map((c: any) => c.id).sort()).toEqual([...ids].sort());

    await refused(ADVANCE, { communeId: commune.id, step: 'REFERENDUM', completedOn: '2025-03-01' }, 'CONFLICT', /next step to record is FOUNDING_CHARTER/);
    await refused(ADVANCE, { communeId: commune.id, step: 'FOUNDING_CHARTER', completedOn: '2024-12-01' }, 'BAD_USER_INPUT', /before the previous step/);
    await refused(CHANGE, { bodyId: commune.id, status: 'REGISTERED', effectiveOn: '2025-06-01', reason: 'shortcut' }, 'CONFLICT', /advanceCommuneFormation/);
    for (const [step, date] of [['FOUNDING_CHARTER', '2025-02-20'], ['REFERENDUM', '2025-04-06'], ['REGISTRATION', '2025-05-02']] as const) {
      const advanced = await t.run(ADVANCE, { input: { communeId: commune.id, step, completedOn: date } });
      expect(advanced.errors).toBeUndefined();
      expect(advanced.data!.advanceCommuneFormation.formationStep).toBe(step);
    }
    const done = await t.run(`{ commune(id: "${commune.id}") { registry { status registeredOn history { status } } } }`);
    expect(done.data!.commune.registry).toEqual({ status: 'REGISTERED', registeredOn: '2025-05-02', history: [{ status: 'IN_FORMATION' }, { status: 'IN_FORMATION' }, { status: 'IN_FORMATION' }, { status: 'REGISTERED' }] });
    await refused(ADVANCE, { communeId: commune.id, step: 'REGISTRATION', completedOn: '2025-06-01' }, 'CONFLICT', /not in formation/);
  });

  it('refuses communes with unknown, taken, duplicated or too few councils', async () => {
    const free = `council:${loose[0]!.id}`;
    const base = { name: 'Comuna Nueva', kind: 'URBAN', foundedOn: '2025-01-01' };
    await refused(FORM_COMMUNE, { ...base, councilIds: [free, `council:${maizalCouncil.id}`] }, 'CONFLICT', /already belongs to commune:1 \(El Maizal\)/);
    await refused(FORM_COMMUNE, { ...base, councilIds: [free, 'council:99999'] }, 'NOT_FOUND', /council:99999/);
    await refused(FORM_COMMUNE, { ...base, councilIds: [free, free] }, 'BAD_USER_INPUT', /twice/);
    await refused(FORM_COMMUNE, { ...base, councilIds: [free] }, 'BAD_USER_INPUT', /at least 2/);
    await refused(FORM_COMMUNE, { ...base, councilIds: [] }, 'BAD_USER_INPUT');
    await refused(FORM_COMMUNE, { ...base, kind: 'URBAN', councilIds: [free, `council:${loose[1]!.id}`], areaHectares: '-3' }, 'BAD_USER_INPUT', /areaHectares/);
  });

  it('changes status along permitted transitions only, keeping the trail', async () => {
    const id = `council:${maizalCouncil.id}`;
    const inactive = await t.run(CHANGE, { input: { bodyId: id, status: 'INACTIVE', effectiveOn: '2026-01-10', reason: 'No assembly held for a year' } });
    expect(inactive.errors).toBeUndefined();
    expect(inactive.data!.changeRegistryStatus.registry.history.at(-1)).toEqual({ status: 'INACTIVE', previousStatus: 'ACTIVE', reason: 'No assembly held for a year' });
    await refused(CHANGE, { bodyId: id, status: 'IN_FORMATION', effectiveOn: '2026-01-11', reason: 'back' }, 'CONFLICT', /can move to ACTIVE or DISSOLVED/);
    await refused(CHANGE, { bodyId: id, status: 'ACTIVE', effectiveOn: '2026-01-01', reason: 'back again' }, 'BAD_USER_INPUT', /before the last recorded change/);
    await refused(CHANGE, { bodyId: id, status: 'ACTIVE', effectiveOn: '2026-01-11', reason: '' }, 'BAD_USER_INPUT', /reason/);
    await refused(CHANGE, { bodyId: 'state:1', status: 'ACTIVE', effectiveOn: '2026-01-11', reason: 'states have no registry' }, 'BAD_USER_INPUT');
    await refused(CHANGE, { bodyId: 'commune:4242', status: 'ACTIVE', effectiveOn: '2026-01-11', reason: 'ghost' }, 'NOT_FOUND');
    const dissolved = await t.run(CHANGE, { input: { bodyId: id, status: 'DISSOLVED', effectiveOn: '2026-02-01', reason: 'Merged into a neighbour' } });
    expect(dissolved.data!.changeRegistryStatus.registry.status).toBe('DISSOLVED');
    await refused(CHANGE, { bodyId: id, status: 'ACTIVE', effectiveOn: '2026-02-02', reason: 'revive' }, 'CONFLICT', /no other status/);
  });

  it('forms a communal city only from registered communes not in another city', async () => {
    await refused(CITY, { name: 'Ciudad Comunal Andina', communeIds: ['commune:5', 'commune:1'], foundedOn: '2025-06-01' }, 'CONFLICT', /commune:1 already belongs to city:2/);
    await refused(CITY, { name: 'Ciudad Comunal Andina', communeIds: ['commune:5'], foundedOn: '2025-06-01' }, 'BAD_USER_INPUT', /at least 2/);
    const formed = await t.run(CITY, { input: { name: 'Ciudad Comunal Oriental', communeIds: ['commune:6', 'commune:7'], foundedOn: '2025-06-01' } });
    expect(formed.errors).toBeUndefined();
    expect(formed.data!.formCommunalCity.communes.map((c: any) => c.id).sort()).toEqual(['commune:6', 'commune:7']);
  });

  it('forms a circuit and updates a census, refusing stale or out-of-band figures', async () => {
    const free = sample.councils.find((c) => c.setting === 'INDIGENOUS')!;
    const circuit = await t.run(CIRCUIT, { input: { name: 'Circuito Comunal Atures', councilIds: [`council:${free.id}`], formedOn: '2025-03-03' } });
    expect(circuit.errors).toBeUndefined();
    expect(circuit.data!.formCommunalCircuit).toMatchObject({ councils: [{ id: `council:${free.id}` }], commune: null, registry: { status: 'REGISTERED' } });
    await refused(CIRCUIT, { name: 'Circuito Doble', councilIds: [`council:${free.id}`], formedOn: '2025-03-03' }, 'CONFLICT', /already votes in circuit/);

    const id = `council:${loose[0]!.id}`;
    const updated = await t.run(CENSUS, { input: { councilId: id, families: 300, households: 280, population: 1200, asOf: '2026-03-01' } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateCensus).toEqual({ census: { families: 300, households: 280, population: 1200 }, censusAsOf: '2026-03-01' });
    await refused(CENSUS, { councilId: id, families: 300, households: 280, population: 1200, asOf: '2026-01-01' }, 'CONFLICT', /newer than/);
    await refused(CENSUS, { councilId: id, families: 500, households: 280, population: 1200, asOf: '2026-04-01' }, 'BAD_USER_INPUT');
    await refused(CENSUS, { councilId: id, families: 300, households: 301, population: 1200, asOf: '2026-04-01' }, 'BAD_USER_INPUT', /households/);
  });

  it('keeps an append-only audit trail, readable by auditors, summarised for everyone', async () => {
    const auditor = actorFrom('auditor-1', [{ role: 'AUDITOR', bodies: ['*'] }]);
    const trail = await t.run('{ territoryAudit(first: 3) { totalCount edges { node { action subject roles bodies input requestId } } pageInfo { hasNextPage } } }', undefined, auditor);
    expect(trail.errors).toBeUndefined();
    expect(trail.data!.territoryAudit.totalCount).toBeGreaterThan(3);
    expect(trail.data!.territoryAudit.edges[0].node).toMatchObject({ subject: 'clerk-test', roles: ['REGISTRY_CLERK'] });
    const byBody = await t.run('{ territoryAudit(bodyId: "commune:6") { edges { node { action } } } }', undefined, auditor);
    expect(byBody.data!.territoryAudit.edges.map((e: any) => e.node.action)).toContain('formCommunalCity');
    const denied = await t.run('{ territoryAudit { totalCount } }', undefined, anonymous);
    expect(denied.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const clerkDenied = await t.run('{ territoryAudit { totalCount } }');
    expect(clerkDenied.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const summary = await t.run('{ territoryAuditSummary { action count lastAt } }', undefined, anonymous);
    expect(summary.data!.territoryAuditSummary.find((r: any) => r.action === 'registerCommunalCouncil')).toMatchObject({ count: 1 });

    const em = t.subgraph.orm.em.fork().getConnection();
    await expect(em.execute("update audit_entry set subject = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(em.execute('delete from audit_entry')).rejects.toThrow(/append-only/);
  });

  it('refuses writes from callers without the registry scope, and writes nothing', async () => {
    for (const [actor, code] of [
      [anonymous, 'UNAUTHENTICATED'],
      [actorFrom('vocera', [{ role: 'SPOKESPERSON', bodies: ['commune:1'] }]), 'FORBIDDEN'],
      [actorFrom('auditor', [{ role: 'AUDITOR', bodies: ['*'] }]), 'FORBIDDEN'],
    ] as const) {
      const before = await t.snapshot();
      const result = await t.run(REGISTER, { input: council({ name: 'Consejo Intruso' }) }, actor);
      expect(result.errors![0]!.extensions!.code).toBe(code);
      expect(await t.snapshot()).toBe(before);
    }
  });

  it('reads fresh rows after a write in the same request (loaders are cleared in place)', async () => {
    const id = `council:${loose[2]!.id}`;
    const result = await t.run(`mutation {
      a: updateCensus(input: { councilId: "${id}", families: 250, households: 240, population: 1000, asOf: "2026-05-01" }) { registry { status } census { families } }
      b: changeRegistryStatus(input: { bodyId: "${id}", status: INACTIVE, effectiveOn: "2026-05-02", reason: "Stopped meeting" }) { registry { status } ... on CommunalCouncil { census { families } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.a.registry.status).not.toBe('INACTIVE');
    expect(result.data!.b).toEqual({ registry: { status: 'INACTIVE' }, census: { families: 250 } });
  });

  it('lets exactly one of two concurrent edits from the same version win (optimistic locking)', async () => {
    const id = `council:${loose[3]!.id}`;
    const read = await t.run(`{ communalCouncil(id: "${id}") { registry { version } } }`);
    const version = read.data!.communalCouncil.registry.version;
    const edit = (families: number) =>
      t.run(CENSUS, { input: { councilId: id, families, households: 200, population: 1000, asOf: '2026-06-01', expectedVersion: version } });
    const results = await Promise.all([edit(210), edit(220)]);
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost[0]!.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(lost[0]!.errors![0]!.message).toMatch(/has changed since version/);
    const after = await t.run(`{ communalCouncil(id: "${id}") { census { families } registry { version } } }`);
    expect(after.data!.communalCouncil.registry.version).toBe(version + 1);
    expect(after.data!.communalCouncil.census.families).toBe(won[0]!.data!.updateCensus.census.families);
    const stale = await t.run(CHANGE, { input: { bodyId: id, status: 'INACTIVE', effectiveOn: '2026-06-02', reason: 'stale client', expectedVersion: version } });
    expect(stale.errors![0]!.extensions!.code).toBe('CONFLICT');
    const fresh = await t.run(CHANGE, { input: { bodyId: id, status: 'INACTIVE', effectiveOn: '2026-06-02', reason: 'fresh client', expectedVersion: version + 1 } });
    expect(fresh.errors).toBeUndefined();
  });
});
