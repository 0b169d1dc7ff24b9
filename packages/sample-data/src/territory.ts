import { communeFact, factSources } from './facts.js';
import { intBetween, seededRandom, splitTotal } from './random.js';
import { municipalityCode, parishCode, STATES, stateCode } from './states.js';
import type {
  CommuneKind,
  CouncilSetting,
  SampleCircuit,
  SampleCommunalCity,
  SampleCommune,
  SampleCouncil,
  SampleMunicipality,
  SampleParish,
  SampleState,
  SampleTerritory,
  StatusEntry,
} from './types.js';

interface PlaceSpec {
  state: string;
  municipality: string;
  parish: string;
  /** False where the reference facts do not place the commune this precisely. */
  known: boolean;
}

interface CommuneSpec {
  name: string;
  fact: string;
  kind?: CommuneKind;
  places: { place: PlaceSpec; councils: number }[];
  centroid: [number, number];
  city?: 'caracas' | 'lara';
  status: 'ACTIVE' | 'REGISTERED';
}

const caracas = (parish: string, known: boolean): PlaceSpec => ({ state: 'Distrito Capital', municipality: 'Libertador', parish, known });

/** The communes of the reference facts, placed on the map (precision beyond the facts is marked synthetic). */
const COMMUNES: CommuneSpec[] = [
  {
    name: 'El Maizal',
    fact: 'El Maizal',
    places: [
      { place: { state: 'Lara', municipality: 'Simón Planas', parish: 'Sarare', known: false }, councils: 8 },
      { place: { state: 'Portuguesa', municipality: 'Papelón', parish: 'Papelón', known: false }, councils: 4 },
    ],
    centroid: [9.78, -69.17],
    city: 'lara',
    status: 'ACTIVE',
  },
  { name: 'Eterno Comandante 5 de Marzo', fact: 'Eterno Comandante 5 de Marzo', places: [{ place: caracas('El Valle', true), councils: 6 }], centroid: [10.46, -66.91], city: 'caracas', status: 'ACTIVE' },
  { name: 'El Panal 2021', fact: 'El Panal 2021', places: [{ place: caracas('23 de Enero', true), councils: 10 }], centroid: [10.505, -66.935], city: 'caracas', status: 'ACTIVE' },
  { name: 'José Pío Tamayo', fact: 'Jose Pio Tamayo', places: [{ place: { state: 'Lara', municipality: 'Iribarren', parish: 'Juan de Villegas', known: false }, councils: 9 }], centroid: [10.07, -69.32], city: 'lara', status: 'ACTIVE' },
  { name: 'Che Guevara', fact: 'Che Guevara', places: [{ place: { state: 'Mérida', municipality: 'Tulio Febres Cordero', parish: 'Nueva Bolivia', known: false }, councils: 9 }], centroid: [8.97, -71.93], status: 'ACTIVE' },
  { name: 'Luisa Cáceres de Arismendi', fact: 'Luisa Caceres de Arismendi', places: [{ place: { state: 'Anzoátegui', municipality: 'Simón Bolívar', parish: 'El Carmen', known: false }, councils: 11 }], centroid: [10.13, -64.69], status: 'ACTIVE' },
  {
    name: 'Monte Sinaí',
    fact: 'Monte Sinai',
    places: [
      { place: { state: 'Anzoátegui', municipality: 'Santa Ana', parish: 'Pueblo Nuevo', known: false }, councils: 7 },
      { place: { state: 'Miranda', municipality: 'Acevedo', parish: 'Caucagua', known: false }, councils: 3 },
    ],
    centroid: [9.92, -65.53],
    status: 'ACTIVE',
  },
  { name: 'El Sur Existe', fact: 'El Sur Existe', places: [{ place: { state: 'Carabobo', municipality: 'Valencia', parish: 'Miguel Peña', known: false }, councils: 12 }], centroid: [10.13, -68.0], status: 'ACTIVE' },
  { name: 'Altos de Lídice', fact: 'Altos de Lidice', places: [{ place: caracas('La Pastora', false), councils: 9 }], centroid: [10.515, -66.925], city: 'caracas', status: 'ACTIVE' },
  { name: 'Sectores Unidos', fact: 'Sectores Unidos', kind: 'URBAN', places: [{ place: { state: 'Lara', municipality: 'Iribarren', parish: 'Catedral', known: false }, councils: 10 }], centroid: [10.06, -69.33], city: 'lara', status: 'REGISTERED' },
  { name: 'Pancha Vásquez', fact: 'Pancha Vasquez', kind: 'RURAL', places: [{ place: { state: 'Apure', municipality: 'San Fernando', parish: 'San Fernando', known: false }, councils: 9 }], centroid: [7.89, -67.47], status: 'REGISTERED' },
];

/** Councils outside any commune: a circuit in formation in Catia, and small indigenous councils in Amazonas. */
const LOOSE_COUNCILS: { place: PlaceSpec; setting: CouncilSetting; count: number; circuit: boolean }[] = [
  { place: caracas('Sucre', false), setting: 'URBAN', count: 4, circuit: true },
  { place: { state: 'Amazonas', municipality: 'Atures', parish: 'Fernando Girón Tovar', known: false }, setting: 'INDIGENOUS', count: 2, circuit: false },
];

const SEED = 'comuna-graph-sample-v1';

function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function stateAbbrev(slug: string): string {
  return slug.replace(/_/g, '').slice(0, 3).toUpperCase();
}

/** Builds the embedded sample territory: deterministic, the same on every call and machine. */
export function buildSampleTerritory(): SampleTerritory {
  const random = seededRandom(SEED);
  const states: SampleState[] = STATES.map((s, i) => ({ id: i + 1, code: stateCode(s.slug), name: s.name }));
  const stateByName = new Map(STATES.map((s, i) => [s.name, { ...s, id: i + 1 }]));
  const municipalities: SampleMunicipality[] = [];
  const parishes: SampleParish[] = [];
  const parishIds = new Map<string, number>();

  const parishFor = (place: PlaceSpec): number => {
    const state = stateByName.get(place.state);
    if (!state) throw new Error(`unknown state ${place.state}`);
    let municipality = municipalities.find((m) => m.stateId === state.id && m.name === place.municipality);
    if (!municipality) {
      municipality = {
        id: municipalities.length + 1,
        stateId: state.id,
        code: municipalityCode(state.slug, slugify(place.municipality)),
        name: place.municipality,
        syntheticFields: [],
        sources: ['map'],
      };
      municipalities.push(municipality);
    }
    const key = `${municipality.id}/${place.parish}`;
    let id = parishIds.get(key);
    if (id === undefined) {
      id = parishes.length + 1;
      parishes.push({
        id,
        municipalityId: municipality.id,
        code: parishCode(state.slug, slugify(place.municipality), slugify(place.parish)),
        name: place.parish,
        syntheticFields: [],
        sources: ['map'],
      });
      parishIds.set(key, id);
    }
    return id;
  };

  const communalCities: SampleCommunalCity[] = [
    { id: 1, code: 'CIU-DIS-001', name: 'Ciudad Comunal Caracas (muestra)', history: [], syntheticFields: ['name', 'code', 'history'], sources: [] },
    { id: 2, code: 'CIU-LAR-001', name: 'Ciudad Comunal Lara (muestra)', history: [], syntheticFields: ['name', 'code', 'history'], sources: [] },
  ];
  const cityId = { caracas: 1, lara: 2 } as const;
  const communes: SampleCommune[] = [];
  const circuits: SampleCircuit[] = [];
  const councils: SampleCouncil[] = [];

  const history = (start: string, final: 'ACTIVE' | 'REGISTERED' | 'IN_FORMATION'): StatusEntry[] => {
    const entries: StatusEntry[] = [{ status: 'IN_FORMATION', effectiveOn: start, reason: 'Promoter commission registered' }];
    if (final === 'IN_FORMATION') return entries;
    const registered = addDays(start, intBetween(random, 120, 400));
    entries.push({ status: 'REGISTERED', effectiveOn: registered, reason: 'Registered with the ministry' });
    if (final === 'ACTIVE') entries.push({ status: 'ACTIVE', effectiveOn: addDays(registered, intBetween(random, 20, 90)), reason: 'Organs constituted and functioning' });
    return entries;
  };

  const addCouncil = (
    place: PlaceSpec,
    setting: CouncilSetting,
    families: number,
    population: number | null,
    communeId: number | null,
    circuitId: number | null,
    foundedOn: string,
    status: 'ACTIVE' | 'REGISTERED' | 'IN_FORMATION',
  ): void => {
    const parishId = parishFor(place);
    const state = stateByName.get(place.state)!;
    const id = councils.length + 1;
    const pop = population ?? Math.round(families * (3.3 + random() * 0.9));
    councils.push({
      id,
      code: `CC-${stateAbbrev(state.slug)}-${String(id).padStart(5, '0')}`,
      name: `Consejo Comunal ${place.parish} ${id}`,
      setting,
      families,
      households: Math.max(1, Math.round(families * (0.85 + random() * 0.1))),
      population: pop,
      parishId,
      communeId,
      circuitId,
      history: history(addDays(foundedOn, -intBetween(random, 200, 900)), status),
      syntheticFields: ['name', 'code', 'families', 'households', 'population', 'history', ...(place.known ? [] : ['parish'])],
      sources: [],
    });
  };

  for (const spec of COMMUNES) {
    const fact = communeFact(spec.fact);
    const id = communes.length + 1;
    const kind: CommuneKind = spec.kind ?? (fact.kind === 'rural' ? 'RURAL' : 'URBAN');
    const seat = stateByName.get(spec.places[0]!.place.state)!;
    const foundedOn = fact.founded ?? `${intBetween(random, 2010, 2020)}-${String(intBetween(random, 1, 12)).padStart(2, '0')}-${String(intBetween(random, 1, 28)).padStart(2, '0')}`;
    const councilCount = spec.places.reduce((n, p) => n + p.councils, 0);
    const setting: CouncilSetting = kind === 'RURAL' ? 'RURAL' : 'URBAN';
    // Urban councils hold 150-400 families by law, so synthetic totals are drawn inside that band.
    const families = fact.families ?? (fact.population ? Math.round(fact.population / 4) : councilCount * intBetween(random, 180, 320));
    const familyShares = splitTotal(random, families, councilCount, setting === 'URBAN' ? 150 : 20);
    const populationShares = fact.population ? splitTotal(random, fact.population, councilCount, 1) : null;
    const synthetic = ['code', 'history', 'centroid', 'boundary'];
    if (!fact.founded) synthetic.push('foundedOn');
    if (fact.area_ha === undefined) synthetic.push('areaHectares');
    if (!fact.kind) synthetic.push('kind');
    communes.push({
      id,
      code: `COM-${stateAbbrev(seat.slug)}-${String(id).padStart(4, '0')}`,
      name: spec.name,
      kind,
      seatStateId: seat.id,
      foundedOn,
      areaHectares: fact.area_ha !== undefined ? String(fact.area_ha) : String(intBetween(random, 40, 3000)),
      formationStep: 'REGISTRATION',
      communalCityId: spec.city ? cityId[spec.city] : null,
      centroid: { latitude: spec.centroid[0], longitude: spec.centroid[1] },
      history: history(foundedOn, spec.status),
      syntheticFields: synthetic,
      sources: factSources(fact),
    });
    circuits.push({
      id,
      code: `CIR-${stateAbbrev(seat.slug)}-${String(id).padStart(4, '0')}`,
      name: `Circuito Comunal ${spec.name}`,
      stateId: seat.id,
      communeId: id,
      history: history(addDays('2024-01-15', intBetween(random, 0, 60)), 'ACTIVE'),
      syntheticFields: ['code', 'name', 'history'],
      sources: [],
    });
    let share = 0;
    for (const { place, councils: count } of spec.places) {
      for (let i = 0; i < count; i++, share++) {
        addCouncil(place, setting, familyShares[share]!, populationShares?.[share] ?? null, id, id, foundedOn, spec.status === 'ACTIVE' ? 'ACTIVE' : 'REGISTERED');
      }
    }
  }

  for (const loose of LOOSE_COUNCILS) {
    let circuitId: number | null = null;
    if (loose.circuit) {
      circuitId = circuits.length + 1;
      const state = stateByName.get(loose.place.state)!;
      circuits.push({
        id: circuitId,
        code: `CIR-${stateAbbrev(state.slug)}-${String(circuitId).padStart(4, '0')}`,
        name: `Circuito Comunal ${loose.place.parish} (en formación)`,
        stateId: state.id,
        communeId: null,
        history: history('2024-02-10', 'REGISTERED'),
        syntheticFields: ['code', 'name', 'history'],
        sources: [],
      });
    }
    for (let i = 0; i < loose.count; i++) {
      const families = loose.setting === 'INDIGENOUS' ? intBetween(random, 10, 60) : intBetween(random, 150, 400);
      addCouncil(loose.place, loose.setting, families, null, null, circuitId, '2019-06-01', i === 0 && loose.circuit ? 'IN_FORMATION' : 'ACTIVE');
    }
  }

  for (const city of communalCities) {
    const members = communes.filter((c) => c.communalCityId === city.id);
    const start = members.map((c) => c.history.at(-1)!.effectiveOn).sort().at(-1)!;
    city.history = history(addDays(start, 30), 'ACTIVE');
  }

  return { states, municipalities, parishes, communalCities, communes, circuits, councils };
}

/** Memoised: every subgraph's seed and every test read the same object. */
let cached: SampleTerritory | undefined;
export function sampleTerritory(): SampleTerritory {
  cached ??= buildSampleTerritory();
  return cached;
}
