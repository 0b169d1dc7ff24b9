import { testDatabases } from '@comuna/subgraph-kit/testing';
import { sampleTerritory } from '@comuna/sample-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, gateway, service, type Gateway, type Service } from './harness.js';

const sample = sampleTerritory();
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };
const FIGURES = 'assembliesHeld quorateAssemblies quorumRate averageAttendance attendanceRate lastAssemblyOn decisionsAdopted decisionsVoid activeMandates recalls';

describe.each(await testDatabases())('governance through the gateway on $kind', (database) => {
  let territory: Service;
  let governance: Service;
  let gw: Gateway;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    territory = await service('territory');
    // Governance asks territory for body sizes through territory's own API, never its tables.
    governance = await service('governance', { databaseUrl: database.kind === 'postgresql' ? db.url : undefined, env: { TERRITORY_URL: territory.url } });
    gw = await gateway([territory, governance]);
  });
  afterAll(async () => {
    await gw?.stop();
    await governance?.stop();
    await territory?.stop();
    await drop?.();
  });

  it('answers a coordinator in one query: a communal city\'s communes with their population and governance figures', async () => {
    const result = await gw.query(
      `query($period: PeriodInput!) { communalCity(code: "CIU-LAR-001") { name census { population } governance(period: $period) { ${FIGURES} }
        communes { id name census { population } governance(period: $period) { ${FIGURES} } } } }`,
      { period: PERIOD },
    );
    expect(result.errors).toBeUndefined();
    const city = result.data.communalCity;
    expect(city.communes.map((c: any) => c.name)).toEqual(['El Maizal', 'José Pío Tamayo', 'Sectores Unidos']);
    expect(city.communes[0].census.population).toBe(14320);
    for (const commune of city.communes) {
      // Each commune's councils held four citizens' assemblies in 2025, plus the parliament's sessions.
      const councils = sample.councils.filter((c) => `commune:${c.communeId}` === commune.id).length;
      expect(commune.governance.assembliesHeld).toBeGreaterThanOrEqual(councils * 4);
      expect(commune.governance.lastAssemblyOn <= PERIOD.to).toBe(true);
      expect(commune.governance.activeMandates).toBeGreaterThan(0);
    }
    // The city's scope is its communes with theirs: its figures are the sums of its communes' counts.
    const sum = (field: string) => city.communes.reduce((n: number, c: any) => n + c.governance[field], 0);
    for (const field of ['assembliesHeld', 'quorateAssemblies', 'decisionsAdopted', 'decisionsVoid', 'activeMandates', 'recalls']) expect(city.governance[field]).toBe(sum(field));
  });

  it('answers governance figures at every level through the Territory interface', async () => {
    const result = await gw.query(
      `query($period: PeriodInput!) { nation: territory(id: "nation:ve") { level governance(period: $period) { assembliesHeld recalls } }
        state: territory(id: "state:14") { level name governance(period: $period) { assembliesHeld } }
        council: territory(id: "council:2") { level governance(period: $period) { assembliesHeld recalls activeMandates } } }`,
      { period: PERIOD },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.nation.governance.recalls).toBe(2);
    expect(result.data.council.governance).toMatchObject({ assembliesHeld: 5, recalls: 1 });
    expect(result.data.nation.governance.assembliesHeld).toBeGreaterThan(result.data.state.governance.assembliesHeld);
  });

  it('records an assembly through the gateway for a signed-in spokesperson of the council, and refuses others', async () => {
    const input = { bodyId: 'council:12', heldOn: '2026-05-02', attendance: 30, agenda: ['Plan comunal de desarrollo'], decisions: [{ text: 'Aprobar el plan', votesFor: 50, votesAgainst: 4, votesAbstaining: 1 }] };
    const mutation = 'mutation($input: RecordAssemblyInput!) { recordAssembly(input: $input) { id quorum { bodySize required met } decisions { effect } } }';
    const anonymous = await gw.query(mutation, { input });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const elsewhere = await gw.query(mutation, { input }, await bearer('SPOKESPERSON', ['council:13']));
    expect(elsewhere.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const tooMany = await gw.query(mutation, { input: { ...input, attendance: 100000 } }, await bearer('SPOKESPERSON', ['council:12']));
    expect(tooMany.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const done = await gw.query(mutation, { input }, await bearer('SPOKESPERSON', ['council:12']));
    expect(done.errors).toBeUndefined();
    const families = sample.councils.find((c) => c.id === 12)!.families;
    expect(done.data.recordAssembly).toMatchObject({ quorum: { bodySize: families, required: Math.ceil(families / 10), met: 30 >= Math.ceil(families / 10) } });
  });
});
