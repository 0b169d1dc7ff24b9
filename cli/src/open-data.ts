// Reading the open data through the gateway's public API (no token needed) and flattening it into the rows of
// the export files. Every list is paged with the connection cursors, so a national registry exports the same way.
import { graphql } from './graphql-client.js';

const PAGE = 100;

interface Connection<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

/** Every node of a connection field, page by page; `onPage` reports progress. */
async function everything<T>(url: string, field: string, selection: string, onPage: (count: number, total: number) => void): Promise<T[]> {
  const query = `query Page($first: Int!, $after: String) { ${field}(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${selection} } } } }`;
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Record<string, Connection<T> & { totalCount: number }> = await graphql(url, query, { first: PAGE, after });
    const page = data[field]!;
    nodes.push(...page.edges.map((e) => e.node));
    onPage(page.edges.length, page.totalCount);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

interface Registry {
  registeredOn: string | null;
  status: string;
}
interface CouncilNode {
  id: string; code: string; name: string; setting: string; censusAsOf: string | null;
  census: { families: number; households: number; population: number };
  registry: Registry; parish: { code: string; name: string }; state: { name: string };
  commune: { code: string } | null; circuit: { code: string } | null;
}
interface CommuneNode {
  id: string; code: string; name: string; kind: string; formationStep: string; foundedOn: string; areaHectares: string | null;
  centroid: { latitude: number; longitude: number } | null; boundary: Record<string, unknown> | null;
  census: { families: number; population: number; councils: number; households: number };
  seatState: { name: string }; councils: { code: string; state: { name: string } }[]; communalCity: { code: string } | null; registry: Registry;
  states: { name: string }[];
}
interface CityNode {
  id: string; code: string; name: string; census: { families: number; population: number }; communes: { code: string }[]; registry: Registry;
}
interface CircuitNode {
  id: string; code: string; name: string; state: { name: string }; commune: { code: string } | null; councils: { code: string }[]; registry: Registry;
}
interface StateNode {
  id: string; code: string; name: string; census: { households: number; families: number; population: number; councils: number };
}

/**
 * A commune's councils as one cell: the first in its seat state (import takes the seat from the first), the rest
 * by code, so the cell is the same however the registry happened to number them.
 */
export function councilCodesOf(commune: Pick<CommuneNode, 'councils' | 'seatState'>): string[] {
  const byCode = [...commune.councils].sort((a, b) => a.code.localeCompare(b.code));
  const seat = byCode.find((c) => c.state.name === commune.seatState.name) ?? byCode[0];
  return seat ? [seat.code, ...byCode.filter((c) => c !== seat).map((c) => c.code)] : [];
}

export interface OpenData {
  states: Record<string, unknown>[];
  councils: Record<string, unknown>[];
  communes: Record<string, unknown>[];
  communalCities: Record<string, unknown>[];
  circuits: Record<string, unknown>[];
  /** Communes with their figures as GeoJSON features (those with a boundary or centroid). */
  communesGeoJson: { type: 'FeatureCollection'; features: unknown[] };
}

/** Reads every entity of the open data; `progress(entity, got, total)` after each page. */
export async function readOpenData(url: string, progress: (entity: string, got: number, total: number) => void): Promise<OpenData> {
  const { states } = await graphql<{ states: StateNode[] }>(url, '{ states { id code name census { households families population councils } } }');
  progress('states', states.length, states.length);
  const tick = (entity: string) => {
    let got = 0;
    return (count: number, total: number) => progress(entity, (got += count), total);
  };
  const councils = await everything<CouncilNode>(url, 'communalCouncils',
    'id code name setting censusAsOf census { families households population } registry { registeredOn status } parish { code name } state { name } commune { code } circuit { code }', tick('councils'));
  const communes = await everything<CommuneNode>(url, 'communes',
    'id code name kind formationStep foundedOn areaHectares centroid { latitude longitude } boundary census { families households population councils } seatState { name } states { name } councils { code state { name } } communalCity { code } registry { registeredOn status }', tick('communes'));
  const cities = await everything<CityNode>(url, 'communalCities', 'id code name census { families population } communes { code } registry { registeredOn status }', tick('communal cities'));
  const circuits = await everything<CircuitNode>(url, 'communalCircuits', 'id code name state { name } commune { code } councils { code } registry { registeredOn status }', tick('circuits'));

  return {
    states: states.map((s) => ({ id: s.id, code: s.code, name: s.name, ...s.census })),
    councils: councils.map((c) => ({
      id: c.id, code: c.code, name: c.name, parishCode: c.parish.code, setting: c.setting, families: c.census.families,
      households: c.census.households, population: c.census.population, registeredOn: c.registry.registeredOn, censusAsOf: c.censusAsOf,
      status: c.registry.status, parishName: c.parish.name, stateName: c.state.name, communeCode: c.commune?.code, circuitCode: c.circuit?.code,
    })),
    communes: communes.map((c) => ({
      id: c.id, code: c.code, name: c.name, kind: c.kind, councilCodes: councilCodesOf(c).join(';'), foundedOn: c.foundedOn,
      registeredOn: c.registry.registeredOn, status: c.registry.status, formationStep: c.formationStep, areaHectares: c.areaHectares,
      latitude: c.centroid?.latitude, longitude: c.centroid?.longitude, seatStateName: c.seatState.name, communalCityCode: c.communalCity?.code,
      families: c.census.families, population: c.census.population, councils: c.census.councils,
    })),
    communalCities: cities.map((c) => ({
      id: c.id, code: c.code, name: c.name, communeCodes: c.communes.map((m) => m.code).sort().join(';'), foundedOn: c.registry.registeredOn,
      status: c.registry.status, families: c.census.families, population: c.census.population, communes: c.communes.length,
    })),
    circuits: circuits.map((c) => ({
      id: c.id, code: c.code, name: c.name, stateName: c.state.name, communeCode: c.commune?.code, status: c.registry.status,
      registeredOn: c.registry.registeredOn, councilCodes: c.councils.map((k) => k.code).sort().join(';'),
    })),
    communesGeoJson: {
      type: 'FeatureCollection',
      features: communes
        .filter((c) => c.boundary || c.centroid)
        .map((c) => ({
          type: 'Feature',
          id: c.id,
          // The boundary when the registry has one; the centroid otherwise, so every located commune is on the map.
          geometry: c.boundary ?? { type: 'Point', coordinates: [c.centroid!.longitude, c.centroid!.latitude] },
          properties: {
            code: c.code, name: c.name, kind: c.kind, status: c.registry.status, registeredOn: c.registry.registeredOn,
            seatState: c.seatState.name, states: c.states.map((s) => s.name), areaHectares: c.areaHectares,
            centroid: c.centroid ? [c.centroid.longitude, c.centroid.latitude] : null, ...c.census,
          },
        })),
    },
  };
}
