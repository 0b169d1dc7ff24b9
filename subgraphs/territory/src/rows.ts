import type { RegistryStatus } from './entities/registry-columns.js';

/** Rows the resolvers pass around: plain objects read by SQL, never hydrated entities (see loaders/). */
export interface ProvenanceRow {
  syntheticFields: string[];
  sources: string[];
}

export interface NationRow {
  __typename: 'Nation';
  id: 'nation:ve';
}

export interface StateRow {
  __typename: 'State';
  id: number;
  code: string;
  name: string;
}

export interface MunicipalityRow extends ProvenanceRow {
  __typename: 'Municipality';
  id: number;
  code: string;
  name: string;
  stateId: number;
}

export interface ParishRow extends ProvenanceRow {
  __typename: 'Parish';
  id: number;
  code: string;
  name: string;
  municipalityId: number;
  stateId: number;
}

/** Columns every registered body has. */
export interface BodyRow extends ProvenanceRow {
  id: number;
  code: string;
  name: string;
  status: RegistryStatus;
  registeredOn: string | null;
  version: number;
}

export interface CouncilRow extends BodyRow {
  __typename: 'CommunalCouncil';
  setting: 'URBAN' | 'RURAL' | 'INDIGENOUS';
  households: number;
  families: number;
  population: number;
  censusAsOf: string | null;
  parishId: number;
  stateId: number;
  communeId: number | null;
  circuitId: number | null;
}

export interface CommuneRow extends BodyRow {
  __typename: 'Commune';
  kind: 'URBAN' | 'RURAL' | 'MIXED' | 'INDIGENOUS';
  formationStep: 'PROMOTER_COMMISSION' | 'FOUNDING_CHARTER' | 'REFERENDUM' | 'REGISTRATION';
  foundedOn: string;
  areaHectares: string | null;
  latitude: number | null;
  longitude: number | null;
  boundary: Record<string, unknown> | null;
  seatStateId: number;
  communalCityId: number | null;
}

export interface CityRow extends BodyRow {
  __typename: 'CommunalCity';
  foundedOn: string;
  seatStateId: number;
}

export interface CircuitRow extends BodyRow {
  __typename: 'CommunalCircuit';
  stateId: number;
  communeId: number | null;
}

export type AnyBodyRow = CouncilRow | CommuneRow | CityRow | CircuitRow;
export type TerritoryRow = NationRow | StateRow | MunicipalityRow | ParishRow | AnyBodyRow;

/** The registry entry of a body: its current state plus the global id its history is filed under. */
export interface RegistryRow {
  bodyId: string;
  code: string;
  registeredOn: string | null;
  status: RegistryStatus;
  version: number;
}

export interface StateCountRow {
  stateId: number;
  count: number;
  active: number;
}

/** A registry statistics request: which table, with which filter already turned into SQL. */
export interface RegistryStatisticsRow {
  bodyType: 'COMMUNAL_COUNCIL' | 'COMMUNE' | 'COMMUNAL_CITY' | 'COMMUNAL_CIRCUIT';
  table: string;
  stateColumn: string;
  kindColumn: string | null;
  where: string;
  params: unknown[];
}
