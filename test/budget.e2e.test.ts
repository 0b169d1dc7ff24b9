import { existsSync } from 'node:fs';
import { testDatabases } from '@comuna/subgraph-kit/testing';
import { sampleTerritory } from '@comuna/sample-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedFigures, type Scope } from '../subgraphs/budget/test/expected.js';
import { bearer, gateway, service, type Gateway, type Service } from './harness.js';

const sample = sampleTerritory();
const PERIOD = { from: '2024-01-01', to: '2026-12-31' };

/** A state's scope as territory defines it: councils located in it, communes seated in it, circuits registered in it. */
function stateScope(stateId: number): Scope {
  const parishState = new Map(sample.parishes.map((p) => [p.id, sample.municipalities.find((m) => m.id === p.municipalityId)!.stateId]));
  return {
    everything: false,
    councilIds: sample.councils.filter((c) => parishState.get(c.parishId) === stateId).map((c) => `council:${c.id}`),
    communeIds: sample.communes.filter((c) => c.seatStateId === stateId).map((c) => `commune:${c.id}`),
    circuitIds: sample.circuits.filter((c) => c.stateId === stateId).map((c) => `circuit:${c.id}`),
  };
}
const turnout = (want: { eligibleVoters: number; ballotsCast: number }) =>
  want.eligibleVoters === 0 ? null : (Math.round((want.ballotsCast / want.eligibleVoters) * 10000) / 10000).toFixed(4);

const ANALYST = `query($period: PeriodInput!) { states { id name census { population }
  budget(period: $period, currency: "VES") { received { amount currency } spent { amount } executionRate consultations { turnout ballotsCast eligibleVoters } } } }`;

describe.each(await testDatabases())('budget through the gateway on $kind', (database) => {
  let territory: Service;
  let budget: Service;
  let gw: Gateway;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await database.create();
    drop = db.drop;
    territory = await service('territory');
    budget = await service('budget', { databaseUrl: database.kind === 'postgresql' ? db.url : undefined });
    gw = await gateway([territory, budget]);
  });
  afterAll(async () => {
    await gw?.stop();
    await budget?.stop();
    await territory?.stop();
    await drop?.();
  });

  it("answers an analyst in one query: each state's population, money received and spent, and consultation turnout", async () => {
    const result = await gw.query(ANALYST, { period: PERIOD });
    expect(result.errors).toBeUndefined();
    expect(result.data.states).toHaveLength(24);
    for (const state of result.data.states) {
      const want = expectedFigures(stateScope(Number(state.id.split(':')[1])), PERIOD.from, PERIOD.to, 'VES');
      expect({ id: state.id, received: state.budget.received.amount, spent: state.budget.spent.amount, turnout: state.budget.consultations.turnout }).toEqual({
        id: state.id,
        received: want.received,
        spent: want.spent,
        turnout: turnout(want),
      });
    }
    const lara = result.data.states.find((s: any) => s.name === 'Lara');
    expect(lara.census.population).toBeGreaterThan(14320);
    expect(lara.budget.received.currency).toBe('VES');
  });

  it('gives the same figures at every level: nation, communal city, commune, council, circuit', async () => {
    const result = await gw.query(
      `query($period: PeriodInput!) { nation { budget(period: $period, currency: "USD") { received { amount } spent { amount } projectsByStatus { status count } } }
        communalCity(code: "CIU-LAR-001") { budget(period: $period, currency: "USD") { received { amount } } communes { name budget(period: $period, currency: "USD") { received { amount } spent { amount } executionRate } } }
        territory(id: "circuit:2") { level budget(period: $period, currency: "VES") { consultations { rounds winningProposals(first: 3) { totalCount edges { node { rank votes project { name body { id name level } } } } } } } } }`,
      { period: PERIOD },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.nation.budget.received.amount).toBe(expectedFigures({ everything: true, councilIds: [], communeIds: [], circuitIds: [] }, PERIOD.from, PERIOD.to, 'USD').received);
    const maizal = result.data.communalCity.communes.find((c: any) => c.name === 'El Maizal');
    expect(maizal.budget).toEqual({ received: { amount: '40000.00' }, spent: { amount: '30500.00' }, executionRate: '0.7625' });
    const circuit = result.data.territory;
    expect(circuit.level).toBe('COMMUNAL_CIRCUIT');
    expect(circuit.budget.consultations.rounds).toBe(7);
    // Project bodies are territory's entities: their names come from the territory subgraph.
    expect(circuit.budget.consultations.winningProposals.edges[0].node.project.body).toMatchObject({ level: 'COMMUNAL_COUNCIL', name: expect.stringContaining('Consejo Comunal') });
  });

  it('publishes per-proposal tallies of a ballot, with the circuit named by territory', async () => {
    const result = await gw.query('{ consultations { heldOn fundedPerCircuit officialCounts { proposed selected } ballot(circuitId: "circuit:1") { circuit { name } tally { turnout } proposals { rank votes selected } } } }');
    expect(result.errors).toBeUndefined();
    const last = result.data.consultations.at(-1);
    expect(last).toMatchObject({ heldOn: '2026-03-08', fundedPerCircuit: 2, ballot: { circuit: { name: 'Circuito Comunal El Maizal' } } });
    expect(last.ballot.proposals.filter((p: any) => p.selected)).toHaveLength(2);
  });

  it('refuses writes without a token, and accepts a spokesperson of the body', async () => {
    const input = { name: 'Biblioteca comunal', category: 'CULTURE', bodyId: 'council:1', estimatedCost: '350000', currency: 'VES', proposedOn: '2026-10-01' };
    const mutation = 'mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { status body { id name } } }';
    const anonymous = await gw.query(mutation, { input });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const elsewhere = await gw.query(mutation, { input }, await bearer('SPOKESPERSON', ['council:2']));
    expect(elsewhere.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const done = await gw.query(mutation, { input }, await bearer('SPOKESPERSON', ['council:1']));
    expect(done.errors).toBeUndefined();
    expect(done.data.proposeProject).toMatchObject({ status: 'PROPOSED', body: { id: 'council:1' } });
  });
});

// The analyst's full question needs the production subgraph too: four subgraphs answering one request.
const productionBuilt = existsSync(new URL('../subgraphs/production/dist/main.js', import.meta.url)) && existsSync(new URL('../schema/production.graphql', import.meta.url));
describe.runIf(productionBuilt)('the analyst across four subgraphs', () => {
  let services: Service[] = [];
  let gw: Gateway;
  beforeAll(async () => {
    services = await Promise.all(['territory', 'budget', 'production'].map((name) => service(name)));
    gw = await gateway(services);
  });
  afterAll(async () => {
    await gw?.stop();
    await Promise.all(services.map((s) => s.stop()));
  });

  it("answers each state's received and spent money, turnout, population and production output in one request", async () => {
    const result = await gw.query(
      `query($period: PeriodInput!) { states { name census { population }
        budget(period: $period, currency: "VES") { received { amount } spent { amount } consultations { turnout } }
        production(period: $period) { activeUnits outputByProduct { product { name } quantity { value unit } } } } }`,
      { period: PERIOD },
    );
    expect(result.errors).toBeUndefined();
    const lara = result.data.states.find((s: any) => s.name === 'Lara');
    const want = expectedFigures(stateScope(Number(sample.states.find((s) => s.name === 'Lara')!.id)), PERIOD.from, PERIOD.to, 'VES');
    expect(lara.budget.received.amount).toBe(want.received);
    expect(lara.census.population).toBeGreaterThan(0);
    expect(lara.production.activeUnits).toBeGreaterThan(0);
    expect(lara.production.outputByProduct.length).toBeGreaterThan(0);
  });
});
