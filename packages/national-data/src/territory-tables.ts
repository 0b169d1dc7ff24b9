import type { StatusEntry } from '@comuna/sample-data';
import { json, table, type Table } from './table.js';
import type { NationalTerritory } from './territory.js';

const current = (h: StatusEntry[]) => h.at(-1)!;
const registeredOn = (h: StatusEntry[]) => h.find((e) => e.status === 'REGISTERED')?.effectiveOn ?? null;

/** A square boundary of the commune's area around its centroid (GeoJSON Polygon), as the sample seed draws it. */
function square(lat: number, lon: number, hectares: number) {
  const side = Math.sqrt(hectares / 100) / 2;
  const dLat = side / 111;
  const dLon = side / (111 * Math.cos((lat * Math.PI) / 180));
  const r = (v: number) => Math.round(v * 1e5) / 1e5;
  return { type: 'Polygon', coordinates: [[[lon - dLon, lat - dLat], [lon + dLon, lat - dLat], [lon + dLon, lat + dLat], [lon - dLon, lat + dLat], [lon - dLon, lat - dLat]].map(([a, b]) => [r(a!), r(b!)])] };
}

/** The territory subgraph's tables (columns as its migration names them). */
export function territoryTables(t: NationalTerritory): Table[] {
  const history = [
    ...t.councils.map((b) => [`council:${b.id}`, b.history] as const),
    ...t.communes.map((b) => [`commune:${b.id}`, b.history] as const),
    ...t.communalCities.map((b) => [`city:${b.id}`, b.history] as const),
    ...t.circuits.map((b) => [`circuit:${b.id}`, b.history] as const),
  ].flatMap(([id, h]) => h.map((e, i) => [id, e.status, i === 0 ? null : h[i - 1]!.status, e.effectiveOn, e.reason]));
  const lastDay = (h: StatusEntry[]) => current(h).effectiveOn;
  return [
    table('state', ['id', 'code', 'name'], t.states, (s) => [s.id, s.code, s.name]),
    table('municipality', ['id', 'code', 'name', 'state_id', 'synthetic_fields', 'sources'], t.municipalities, (m) => [m.id, m.code, m.name, m.stateId, json(m.syntheticFields), json(m.sources)]),
    table('parish', ['id', 'code', 'name', 'municipality_id', 'state_id', 'synthetic_fields', 'sources'], t.parishes, (p) => [p.id, p.code, p.name, p.municipalityId, t.parishState[p.id], json(p.syntheticFields), json(p.sources)]),
    table('communal_city', ['id', 'code', 'name', 'status', 'registered_on', 'founded_on', 'seat_state_id', 'synthetic_fields', 'sources'], t.communalCities, (c) => [
      c.id, c.code, c.name, current(c.history).status, registeredOn(c.history), c.history[0]!.effectiveOn, c.seatStateId, json(c.syntheticFields), json(c.sources),
    ]),
    table('commune', ['id', 'code', 'name', 'status', 'registered_on', 'kind', 'formation_step', 'founded_on', 'area_hectares', 'latitude', 'longitude', 'boundary', 'seat_state_id', 'communal_city_id', 'synthetic_fields', 'sources'], t.communes, (c) => [
      c.id, c.code, c.name, current(c.history).status, registeredOn(c.history), c.kind, c.formationStep, c.foundedOn, c.areaHectares, c.centroid.latitude, c.centroid.longitude,
      json(square(c.centroid.latitude, c.centroid.longitude, Number(c.areaHectares))), c.seatStateId, c.communalCityId, json(c.syntheticFields), json(c.sources),
    ]),
    table('communal_circuit', ['id', 'code', 'name', 'status', 'registered_on', 'state_id', 'commune_id', 'synthetic_fields', 'sources'], t.circuits, (c) => [
      c.id, c.code, c.name, current(c.history).status, registeredOn(c.history), c.stateId, c.communeId, json(c.syntheticFields), json(c.sources),
    ]),
    table('communal_council', ['id', 'code', 'name', 'status', 'registered_on', 'setting', 'households', 'families', 'population', 'census_as_of', 'parish_id', 'state_id', 'commune_id', 'circuit_id', 'synthetic_fields', 'sources'], t.councils, (c) => [
      c.id, c.code, c.name, current(c.history).status, registeredOn(c.history), c.setting, c.households, c.families, c.population, lastDay(c.history), c.parishId, c.stateId, c.communeId, c.circuitId,
      json(c.syntheticFields), json(c.sources),
    ]),
    { name: 'status_change', columns: ['id', 'body_id', 'status', 'previous_status', 'effective_on', 'reason'], count: history.length, rows: () => history.map((r, i) => [i + 1, ...r]) },
  ];
}
