import { sampleTerritory, type StatusEntry } from '@comuna/sample-data';
import { isPostgres } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { CommunalCircuit, CommunalCity, CommunalCouncil, Commune, Municipality, Parish, State, StatusChange } from '../entities/index.js';

const current = (history: StatusEntry[]) => history.at(-1)!;
const registeredOn = (history: StatusEntry[]) => history.find((h) => h.status === 'REGISTERED')?.effectiveOn ?? null;

/**
 * Loads the embedded sample dataset into an empty database, in one transaction, with the ids the sample
 * assigns (other subgraphs' sample data refer to the same ids). Does nothing if any state exists.
 */
export async function seedSample(em: SqlEntityManager): Promise<boolean> {
  const existing = await em.execute('select count(*) as n from state');
  if (Number(existing[0]!.n) > 0) return false;
  const sample = sampleTerritory();
  const parishState = new Map(sample.parishes.map((p) => [p.id, sample.municipalities.find((m) => m.id === p.municipalityId)!.stateId]));
  await em.transactional(async (tx) => {
    await tx.insertMany(State, sample.states.map((s) => ({ id: s.id, code: s.code, name: s.name })));
    await tx.insertMany(Municipality, sample.municipalities.map((m) => ({ id: m.id, code: m.code, name: m.name, state: m.stateId, syntheticFields: m.syntheticFields, sources: m.sources })));
    await tx.insertMany(Parish, sample.parishes.map((p) => ({ id: p.id, code: p.code, name: p.name, municipality: p.municipalityId, state: parishState.get(p.id)!, syntheticFields: p.syntheticFields, sources: p.sources })));
    await tx.insertMany(CommunalCity, sample.communalCities.map((c) => ({
      id: c.id, code: c.code, name: c.name, status: current(c.history).status, registeredOn: registeredOn(c.history), foundedOn: c.history[0]!.effectiveOn,
      seatState: sample.communes.find((m) => m.communalCityId === c.id)!.seatStateId, syntheticFields: c.syntheticFields, sources: c.sources,
    })));
    await tx.insertMany(Commune, sample.communes.map((c) => ({
      id: c.id, code: c.code, name: c.name, status: current(c.history).status, registeredOn: registeredOn(c.history), kind: c.kind, formationStep: c.formationStep,
      foundedOn: c.foundedOn, areaHectares: c.areaHectares, latitude: c.centroid.latitude, longitude: c.centroid.longitude, boundary: squareAround(c.centroid, Number(c.areaHectares ?? 100)),
      seatState: c.seatStateId, communalCity: c.communalCityId, syntheticFields: c.syntheticFields, sources: c.sources,
    })));
    await tx.insertMany(CommunalCircuit, sample.circuits.map((c) => ({
      id: c.id, code: c.code, name: c.name, status: current(c.history).status, registeredOn: registeredOn(c.history), state: c.stateId, commune: c.communeId,
      syntheticFields: c.syntheticFields, sources: c.sources,
    })));
    await tx.insertMany(CommunalCouncil, sample.councils.map((c) => ({
      id: c.id, code: c.code, name: c.name, status: current(c.history).status, registeredOn: registeredOn(c.history), setting: c.setting,
      households: c.households, families: c.families, population: c.population, censusAsOf: current(c.history).effectiveOn,
      parish: c.parishId, state: parishState.get(c.parishId)!, commune: c.communeId, circuit: c.circuitId, syntheticFields: c.syntheticFields, sources: c.sources,
    })));
    const history = [
      ...sample.councils.map((b) => ({ id: `council:${b.id}`, h: b.history })),
      ...sample.communes.map((b) => ({ id: `commune:${b.id}`, h: b.history })),
      ...sample.communalCities.map((b) => ({ id: `city:${b.id}`, h: b.history })),
      ...sample.circuits.map((b) => ({ id: `circuit:${b.id}`, h: b.history })),
    ].flatMap(({ id, h }) => h.map((e, i) => ({ bodyId: id, status: e.status, previousStatus: i === 0 ? null : h[i - 1]!.status, effectiveOn: e.effectiveOn, reason: e.reason })));
    await tx.insertMany(StatusChange, history);
    if (isPostgres(tx as SqlEntityManager)) {
      // Explicit ids leave PostgreSQL's sequences behind; move them past the sample so new rows get fresh ids.
      for (const table of ['state', 'municipality', 'parish', 'communal_city', 'commune', 'communal_circuit', 'communal_council']) {
        await tx.execute(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
      }
    }
  });
  return true;
}

/** A synthetic square boundary of the commune's area around its centroid (GeoJSON Polygon). */
function squareAround(centre: { latitude: number; longitude: number }, hectares: number) {
  const sideKm = Math.sqrt(hectares / 100);
  const dLat = sideKm / 2 / 111;
  const dLon = sideKm / 2 / (111 * Math.cos((centre.latitude * Math.PI) / 180));
  const { latitude: y, longitude: x } = centre;
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return {
    type: 'Polygon',
    coordinates: [[[x - dLon, y - dLat], [x + dLon, y - dLat], [x + dLon, y + dLat], [x - dLon, y + dLat], [x - dLon, y - dLat]].map(([a, b]) => [round(a!), round(b!)])],
  };
}
