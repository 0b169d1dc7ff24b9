import { intBetween, STATES } from '@comuna/sample-data';
import type { CommuneKind, CouncilSetting, RegistryStatus, SampleCircuit, SampleCommunalCity, SampleCommune, SampleCouncil, StatusEntry } from '@comuna/sample-data';
import { addDays, dayBetween } from './dates.js';
import { buildMap, STATE_PROFILE, type NationalMap } from './map.js';

export interface NationalCommune extends SampleCommune {
  /**
   * Month the commune stopped working (INACTIVE in the registry, or dormant while still REGISTERED): its units
   * report nothing after it, its councils hold no assembly and its circuits take no part in consultations; null
   * while it works.
   */
  stoppedIn: string | null;
}
export interface NationalCouncil extends SampleCouncil {
  stateId: number;
}

export interface NationalTerritory extends NationalMap {
  communalCities: (SampleCommunalCity & { seatStateId: number })[];
  communes: NationalCommune[];
  circuits: SampleCircuit[];
  councils: NationalCouncil[];
}

/** How many bodies a scale of 1 (the nation) holds; smaller scales shrink everything but the map. */
export const NATIONAL = { councils: 47_000, communes: 3_600, activeCommunes: 500, cities: 300 } as const;

const abbrev = (slug: string) => slug.replace(/_/g, '').slice(0, 3).toUpperCase();

/** A log-normal commune size around 9 councils: many small communes, a few big ones (2 to 60, the law's band). */
const communeSize = (random: () => number) => {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.min(60, Math.max(2, Math.round(Math.exp(Math.log(7.5) + 0.6 * normal))));
};

function history(random: () => number, start: string, final: RegistryStatus, until = '2026-10-31'): StatusEntry[] {
  const entries: StatusEntry[] = [{ status: 'IN_FORMATION', effectiveOn: start, reason: 'Promoter commission registered' }];
  if (final === 'IN_FORMATION') return entries;
  const registered = addDays(start, intBetween(random, 120, 400));
  entries.push({ status: 'REGISTERED', effectiveOn: registered < until ? registered : until, reason: 'Registered with the ministry' });
  if (final === 'REGISTERED') return entries;
  const active = addDays(registered, intBetween(random, 20, 90));
  entries.push({ status: 'ACTIVE', effectiveOn: active < until ? active : until, reason: 'Organs constituted and functioning' });
  return entries;
}

/**
 * The national territory: councils spread over parishes by state population, most grouped into communes of
 * log-normal size inside one municipality's run of parishes, the rest loose and grouped into circuits by parish;
 * about one commune in seven active, some inactive since a month of the period; communal cities of 2-5 communes.
 */
export function buildTerritory(random: () => number, scale: number): NationalTerritory {
  const map = buildMap(random);
  const people = Object.values(STATE_PROFILE).reduce((a, p) => a + p.people, 0);
  const communes: NationalCommune[] = [];
  const circuits: SampleCircuit[] = [];
  const councils: NationalCouncil[] = [];
  const cities: NationalTerritory['communalCities'] = [];
  const totalCouncils = Math.max(48, Math.round(NATIONAL.councils * scale));
  const activeShare = NATIONAL.activeCommunes / NATIONAL.communes;
  const cityShare = NATIONAL.cities / NATIONAL.communes;

  STATES.forEach((state, i) => {
    const stateId = i + 1;
    const profile = STATE_PROFILE[state.slug]!;
    const parishes = map.parishesOfState[stateId]!;
    const count = Math.max(2, Math.round((totalCouncils * profile.people) / people));
    // Councils in parish order, so a run of them (one commune) stays within neighbouring parishes.
    const parishOf = Array.from({ length: count }, (_, k) => parishes[Math.floor((k * parishes.length) / count)]!);
    let k = 0;
    const inCommunes = Math.round(count * 0.7);
    const stateCommunes: NationalCommune[] = [];
    while (k < inCommunes) {
      const size = Math.min(communeSize(random), count - k);
      if (size < 2) break;
      const id = communes.length + 1;
      const roll = random();
      const status: RegistryStatus = roll < activeShare ? 'ACTIVE' : roll < activeShare + 0.08 ? 'INACTIVE' : roll < activeShare + 0.11 ? 'IN_FORMATION' : 'REGISTERED';
      const kindRoll = random();
      const kind: CommuneKind = kindRoll < 0.05 ? 'MIXED' : kindRoll < 0.08 && profile.rural >= 0.6 ? 'INDIGENOUS' : random() < profile.rural ? 'RURAL' : 'URBAN';
      const foundedOn = dayBetween(random, '2010-01-01', '2023-06-30');
      const entries = history(random, foundedOn, status === 'INACTIVE' ? 'ACTIVE' : status);
      const stoppedIn = status === 'INACTIVE' ? dayBetween(random, '2024-01-01', '2026-06-30') : null;
      if (stoppedIn) entries.push({ status: 'INACTIVE', effectiveOn: stoppedIn, reason: 'Organs stopped meeting; no reports since (synthetic)' });
      // Most communes registered but never active, and a few the registry still calls active, live on paper only:
      // their councils stop meeting, producing and proposing at some point, and the registry does not record it
      // (what issue 10's activity rule must find).
      const dormant = (status === 'REGISTERED' && random() < 0.85) || (status === 'ACTIVE' && random() < 0.1);
      const dormantSince = dormant ? dayBetween(random, '2023-06-01', '2026-03-31') : null;
      const latitude = 7 + random() * 4;
      const longitude = -72 + random() * 10;
      const commune: NationalCommune = {
        id,
        code: `COM-${abbrev(state.slug)}-${String(id).padStart(4, '0')}`,
        name: `Comuna ${id} (${state.name})`,
        kind,
        seatStateId: stateId,
        foundedOn,
        areaHectares: String(kind === 'URBAN' ? intBetween(random, 20, 400) : intBetween(random, 200, 20_000)),
        formationStep: status === 'IN_FORMATION' ? 'FOUNDING_CHARTER' : 'REGISTRATION',
        communalCityId: null,
        centroid: { latitude: Math.round(latitude * 1e4) / 1e4, longitude: Math.round(longitude * 1e4) / 1e4 },
        history: entries,
        stoppedIn: (stoppedIn ?? dormantSince)?.slice(0, 7) ?? null,
        syntheticFields: ['name', 'code', 'kind', 'foundedOn', 'areaHectares', 'centroid', 'boundary', 'history'],
        sources: [],
      };
      communes.push(commune);
      stateCommunes.push(commune);
      const circuitId = circuits.length + 1;
      circuits.push({
        id: circuitId,
        code: `CIR-${abbrev(state.slug)}-${String(circuitId).padStart(4, '0')}`,
        name: `Circuito Comunal ${commune.name}`,
        stateId,
        communeId: id,
        history: history(random, dayBetween(random, '2023-01-01', '2023-12-31'), status === 'IN_FORMATION' ? 'REGISTERED' : 'ACTIVE'),
        syntheticFields: ['code', 'name', 'history'],
        sources: [],
      });
      const setting: CouncilSetting = kind === 'URBAN' ? 'URBAN' : kind === 'INDIGENOUS' ? 'INDIGENOUS' : kind === 'MIXED' ? (random() < 0.5 ? 'URBAN' : 'RURAL') : 'RURAL';
      const councilStatus: RegistryStatus = status === 'INACTIVE' ? 'INACTIVE' : status === 'ACTIVE' ? 'ACTIVE' : 'REGISTERED';
      for (let c = 0; c < size; c++, k++) addCouncil(stateId, state.slug, parishOf[k]!, setting, id, circuitId, foundedOn, councilStatus);
    }
    // The loose councils: grouped into circuits of 10-20 as they come.
    let circuitId: number | null = null;
    let left = 0;
    for (; k < count; k++) {
      if (left === 0) {
        circuitId = circuits.length + 1;
        left = intBetween(random, 10, 20);
        circuits.push({
          id: circuitId,
          code: `CIR-${abbrev(state.slug)}-${String(circuitId).padStart(4, '0')}`,
          name: `Circuito Comunal ${circuitId} (${state.name})`,
          stateId,
          communeId: null,
          history: history(random, dayBetween(random, '2023-01-01', '2024-06-30'), random() < 0.8 ? 'ACTIVE' : 'REGISTERED'),
          syntheticFields: ['code', 'name', 'history'],
          sources: [],
        });
      }
      left--;
      const roll = random();
      const setting: CouncilSetting = random() < profile.rural ? (state.slug === 'amazonas' || state.slug === 'delta_amacuro' ? 'INDIGENOUS' : 'RURAL') : 'URBAN';
      addCouncil(stateId, state.slug, parishOf[k]!, setting, null, circuitId, dayBetween(random, '2009-01-01', '2022-12-31'), roll < 0.6 ? 'ACTIVE' : roll < 0.9 ? 'REGISTERED' : 'INACTIVE');
    }
    // Communal cities of 2-5 working communes of the state.
    const working = stateCommunes.filter((c) => c.history.at(-1)!.status === 'ACTIVE' || c.history.at(-1)!.status === 'REGISTERED');
    const wanted = Math.round(stateCommunes.length * cityShare);
    for (let n = 0, at = 0; n < wanted && at + 2 <= working.length; n++) {
      const members = working.slice(at, at + intBetween(random, 2, 5));
      at += members.length;
      const id = cities.length + 1;
      for (const m of members) m.communalCityId = id;
      const start = members.map((m) => m.history.at(-1)!.effectiveOn).sort().at(-1)!;
      cities.push({
        id,
        code: `CIU-${abbrev(state.slug)}-${String(id).padStart(3, '0')}`,
        name: `Ciudad Comunal ${id} (${state.name})`,
        seatStateId: stateId,
        history: history(random, addDays(start, 30), random() < 0.7 ? 'ACTIVE' : 'REGISTERED'),
        syntheticFields: ['name', 'code', 'history'],
        sources: [],
      });
    }
  });

  function addCouncil(stateId: number, slug: string, parishId: number, setting: CouncilSetting, communeId: number | null, circuitId: number | null, foundedOn: string, status: RegistryStatus) {
    const id = councils.length + 1;
    const families = setting === 'URBAN' ? intBetween(random, 150, 400) : setting === 'RURAL' ? intBetween(random, 20, 150) : intBetween(random, 10, 60);
    const entries = history(random, addDays(foundedOn, -intBetween(random, 200, 900)), status === 'INACTIVE' ? 'ACTIVE' : status);
    if (status === 'INACTIVE') entries.push({ status: 'INACTIVE', effectiveOn: dayBetween(random, '2024-01-01', '2026-06-30'), reason: 'No assembly in two years (synthetic)' });
    councils.push({
      id,
      stateId,
      code: `CC-${abbrev(slug)}-${String(id).padStart(5, '0')}`,
      name: `Consejo Comunal ${id}`,
      setting,
      families,
      households: Math.max(1, Math.round(families * (0.85 + random() * 0.1))),
      population: Math.round(families * (3.3 + random() * 0.9)),
      parishId,
      communeId,
      circuitId,
      history: entries,
      syntheticFields: ['name', 'code', 'families', 'households', 'population', 'history', 'parish'],
      sources: [],
    });
  }

  return { ...map, communalCities: cities, communes, circuits, councils };
}
