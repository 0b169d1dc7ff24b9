import { sampleTerritory } from '@comuna/sample-data';
import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProduction, type ProductionHarness } from './harness.js';

const territory = sampleTerritory();
const municipalityState = new Map(territory.municipalities.map((m) => [m.id, m.stateId]));
const parishState = new Map(territory.parishes.map((p) => [p.id, municipalityState.get(p.municipalityId)!]));
const councilState = (c: (typeof territory.councils)[number]) => parishState.get(c.parishId)!;
const TREND = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id
  months: foodTrend(period: { from: "2023-01-01", to: "2026-12-31" }, bucket: MONTH) { period foods { product { code } output { value } } }
  quarters: foodTrend(period: { from: "2023-02-10", to: "2026-11-30" }, bucket: QUARTER) { period months foods { product { code } output { value } ratio } } } } }`;
const census = { population: 250_000 };

/** Every sample body filed under a state (a commune under its seat), as listed ids. */
function listed(stateId: number | null) {
  const inState = (id: number) => stateId === null || id === stateId;
  return {
    everything: false,
    councilIds: territory.councils.filter((c) => inState(councilState(c))).map((c) => `council:${c.id}`),
    communeIds: territory.communes.filter((c) => inState(c.seatStateId)).map((c) => `commune:${c.id}`),
    circuitIds: territory.circuits.filter((c) => inState(c.stateId)).map((c) => `circuit:${c.id}`),
  };
}

describe.each(await testDatabases())('food trends of states and the nation on $kind', (database) => {
  let g: ProductionHarness;
  beforeAll(async () => {
    g = await startProduction(database);
  });
  afterAll(() => g?.close());

  const trends = async (representation: Record<string, unknown>) => {
    const result = await g.run(TREND, { r: [{ ...representation, census }] });
    expect(result.errors).toBeUndefined();
    const { months, quarters } = result.data!._entities[0];
    return { months, quarters };
  };

  it('reads a state\'s and the nation\'s trends from the state summaries as the listed bodies give them', async () => {
    const states = [...new Set(territory.councils.map(councilState))];
    let output = 0;
    for (const state of states) {
      const summary = await trends({ __typename: 'Territory', id: `state:${state}`, scope: { everything: false, councilIds: [], communeIds: [], circuitIds: [], stateId: `state:${state}` } });
      expect(summary, `state:${state}`).toEqual(await trends({ __typename: 'Territory', id: `state:${state}`, scope: { ...listed(state), stateId: null } }));
      output += summary.months.reduce((n: number, p: { foods: { output: { value: string } }[] }) => n + p.foods.reduce((m, f) => m + Number(f.output.value), 0), 0);
    }
    const nation = await trends({ __typename: 'Territory', id: 'nation:ve', scope: { everything: true, councilIds: [], communeIds: [], circuitIds: [], stateId: null } });
    expect(nation).toEqual(await trends({ __typename: 'Territory', id: 'nation:ve', scope: { ...listed(null), stateId: null } }));
    expect(output).toBeGreaterThan(0);
  });
});
