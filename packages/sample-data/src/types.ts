/** Registry lifecycle of a communal body. */
export type RegistryStatus = 'IN_FORMATION' | 'REGISTERED' | 'ACTIVE' | 'INACTIVE' | 'DISSOLVED';
export type CouncilSetting = 'URBAN' | 'RURAL' | 'INDIGENOUS';
export type CommuneKind = 'URBAN' | 'RURAL' | 'MIXED' | 'INDIGENOUS';
export type FormationStep = 'PROMOTER_COMMISSION' | 'FOUNDING_CHARTER' | 'REFERENDUM' | 'REGISTRATION';

export interface StatusEntry {
  status: RegistryStatus;
  effectiveOn: string;
  reason: string;
}

/** Which values are generated, and where the rest come from. */
export interface Provenance {
  syntheticFields: string[];
  sources: string[];
}

export interface SampleState {
  id: number;
  code: string;
  name: string;
}

export interface SampleMunicipality extends Provenance {
  id: number;
  stateId: number;
  code: string;
  name: string;
}

export interface SampleParish extends Provenance {
  id: number;
  municipalityId: number;
  code: string;
  name: string;
}

export interface SampleCommune extends Provenance {
  id: number;
  code: string;
  name: string;
  kind: CommuneKind;
  seatStateId: number;
  foundedOn: string;
  areaHectares: string | null;
  formationStep: FormationStep;
  communalCityId: number | null;
  centroid: { latitude: number; longitude: number };
  history: StatusEntry[];
}

export interface SampleCouncil extends Provenance {
  id: number;
  code: string;
  name: string;
  setting: CouncilSetting;
  families: number;
  households: number;
  population: number;
  parishId: number;
  communeId: number | null;
  circuitId: number | null;
  history: StatusEntry[];
}

export interface SampleCommunalCity extends Provenance {
  id: number;
  code: string;
  name: string;
  history: StatusEntry[];
}

export interface SampleCircuit extends Provenance {
  id: number;
  code: string;
  name: string;
  stateId: number;
  communeId: number | null;
  history: StatusEntry[];
}

export interface SampleTerritory {
  states: SampleState[];
  municipalities: SampleMunicipality[];
  parishes: SampleParish[];
  communalCities: SampleCommunalCity[];
  communes: SampleCommune[];
  circuits: SampleCircuit[];
  councils: SampleCouncil[];
}
