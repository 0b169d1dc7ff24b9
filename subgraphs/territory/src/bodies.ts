import { fromJson, toGlobalId, toInt } from '@comuna/subgraph-kit';
import type { AnyBodyRow, CircuitRow, CityRow, CommuneRow, CouncilRow, MunicipalityRow, ParishRow, StateRow } from './rows.js';

/**
 * How each kind of row is read: its table, the columns (aliased to the row's field names) and the mapping that
 * normalises driver differences. Every read of these tables goes through here, so the SQL stays in one place.
 */
const registryColumns = 'id, code, name, status, registered_on as "registeredOn", version, synthetic_fields as "syntheticFields", sources';

type Raw = Record<string, unknown>;

const provenance = (raw: Raw) => ({
  syntheticFields: fromJson<string[]>(raw.syntheticFields),
  sources: fromJson<string[]>(raw.sources),
});

const registry = (raw: Raw) => ({
  id: toInt(raw.id),
  code: String(raw.code),
  name: String(raw.name),
  status: raw.status as CouncilRow['status'],
  registeredOn: (raw.registeredOn as string | null) ?? null,
  version: toInt(raw.version),
  ...provenance(raw),
});

const nullableInt = (value: unknown) => (value === null || value === undefined ? null : toInt(value));

export const stateTable = {
  table: 'state',
  columns: 'id, code, name',
  map: (raw: Raw): StateRow => ({ __typename: 'State', id: toInt(raw.id), code: String(raw.code), name: String(raw.name) }),
};

export const municipalityTable = {
  table: 'municipality',
  columns: 'id, code, name, state_id as "stateId", synthetic_fields as "syntheticFields", sources',
  map: (raw: Raw): MunicipalityRow => ({
    __typename: 'Municipality',
    id: toInt(raw.id),
    code: String(raw.code),
    name: String(raw.name),
    stateId: toInt(raw.stateId),
    ...provenance(raw),
  }),
};

export const parishTable = {
  table: 'parish',
  columns: 'id, code, name, municipality_id as "municipalityId", state_id as "stateId", synthetic_fields as "syntheticFields", sources',
  map: (raw: Raw): ParishRow => ({
    __typename: 'Parish',
    id: toInt(raw.id),
    code: String(raw.code),
    name: String(raw.name),
    municipalityId: toInt(raw.municipalityId),
    stateId: toInt(raw.stateId),
    ...provenance(raw),
  }),
};

export const councilTable = {
  table: 'communal_council',
  prefix: 'council',
  columns: `${registryColumns}, setting, households, families, population, census_as_of as "censusAsOf", parish_id as "parishId", state_id as "stateId", commune_id as "communeId", circuit_id as "circuitId"`,
  map: (raw: Raw): CouncilRow => ({
    __typename: 'CommunalCouncil',
    ...registry(raw),
    setting: raw.setting as CouncilRow['setting'],
    households: toInt(raw.households),
    families: toInt(raw.families),
    population: toInt(raw.population),
    censusAsOf: (raw.censusAsOf as string | null) ?? null,
    parishId: toInt(raw.parishId),
    stateId: toInt(raw.stateId),
    communeId: nullableInt(raw.communeId),
    circuitId: nullableInt(raw.circuitId),
  }),
};

export const communeTable = {
  table: 'commune',
  prefix: 'commune',
  columns: `${registryColumns}, kind, formation_step as "formationStep", founded_on as "foundedOn", area_hectares as "areaHectares", latitude, longitude, boundary, seat_state_id as "seatStateId", communal_city_id as "communalCityId"`,
  map: (raw: Raw): CommuneRow => ({
    __typename: 'Commune',
    ...registry(raw),
    kind: raw.kind as CommuneRow['kind'],
    formationStep: raw.formationStep as CommuneRow['formationStep'],
    foundedOn: String(raw.foundedOn),
    areaHectares: (raw.areaHectares as string | null) ?? null,
    latitude: raw.latitude === null ? null : Number(raw.latitude),
    longitude: raw.longitude === null ? null : Number(raw.longitude),
    boundary: raw.boundary === null ? null : fromJson<Record<string, unknown>>(raw.boundary),
    seatStateId: toInt(raw.seatStateId),
    communalCityId: nullableInt(raw.communalCityId),
  }),
};

export const cityTable = {
  table: 'communal_city',
  prefix: 'city',
  columns: `${registryColumns}, founded_on as "foundedOn", seat_state_id as "seatStateId"`,
  map: (raw: Raw): CityRow => ({
    __typename: 'CommunalCity',
    ...registry(raw),
    foundedOn: String(raw.foundedOn),
    seatStateId: toInt(raw.seatStateId),
  }),
};

export const circuitTable = {
  table: 'communal_circuit',
  prefix: 'circuit',
  columns: `${registryColumns}, state_id as "stateId", commune_id as "communeId"`,
  map: (raw: Raw): CircuitRow => ({
    __typename: 'CommunalCircuit',
    ...registry(raw),
    stateId: toInt(raw.stateId),
    communeId: nullableInt(raw.communeId),
  }),
};

export type BodyKind = 'council' | 'commune' | 'city' | 'circuit';
export const bodyTables = { council: councilTable, commune: communeTable, city: cityTable, circuit: circuitTable } as const;

/** Global id of a body row (`commune:3`). */
export function bodyGlobalId(row: AnyBodyRow): string {
  switch (row.__typename) {
    case 'CommunalCouncil':
      return toGlobalId('council', row.id);
    case 'Commune':
      return toGlobalId('commune', row.id);
    case 'CommunalCity':
      return toGlobalId('city', row.id);
    case 'CommunalCircuit':
      return toGlobalId('circuit', row.id);
  }
}
