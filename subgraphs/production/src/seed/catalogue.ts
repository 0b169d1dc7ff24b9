import type { MeasureUnit } from '../units.js';

export interface ProductSpec {
  code: string;
  name: string;
  unit: MeasureUnit;
  food: boolean;
  /**
   * Reference need per person per month in the product's unit: a planning assumption of this project (rough
   * shares of a basic diet), not an official figure, so it is marked synthetic. Null keeps a product out of
   * self-sufficiency: raw inputs (cocoa), feed, and goods made from other food (packaged beans, which would
   * count the beans twice).
   */
  need: string | null;
  /** Typical monthly output of one unit, for generating synthetic reports. */
  monthly: number;
  sources: string[];
}

const maizal = ['peoples-dispatch-2023'];

/** The catalogue: the products the reference facts name, plus a few the named activities imply. */
export const PRODUCTS: ProductSpec[] = [
  { code: 'white-maize', name: 'Maíz blanco', unit: 'TONNE', food: true, need: '0.004', monthly: 40, sources: maizal },
  { code: 'yellow-maize', name: 'Maíz amarillo', unit: 'TONNE', food: false, need: null, monthly: 25, sources: maizal },
  { code: 'beef', name: 'Carne de res', unit: 'KILOGRAM', food: true, need: '1.5', monthly: 900, sources: maizal },
  { code: 'pork', name: 'Carne de cerdo', unit: 'KILOGRAM', food: true, need: '0.8', monthly: 600, sources: maizal },
  { code: 'eggs', name: 'Huevos', unit: 'DOZEN', food: true, need: '1.5', monthly: 800, sources: maizal },
  { code: 'milk', name: 'Leche', unit: 'LITRE', food: true, need: '6', monthly: 3000, sources: maizal },
  { code: 'cheese', name: 'Queso', unit: 'KILOGRAM', food: true, need: '0.5', monthly: 300, sources: maizal },
  { code: 'coffee', name: 'Café', unit: 'KILOGRAM', food: true, need: '0.3', monthly: 200, sources: ['peoples-dispatch-2023', 'venezuelanalysis-digest'] },
  { code: 'vegetables', name: 'Hortalizas', unit: 'KILOGRAM', food: true, need: '6', monthly: 500, sources: maizal },
  { code: 'panela', name: 'Panela', unit: 'KILOGRAM', food: true, need: '1', monthly: 400, sources: ['peoples-dispatch-2023'] },
  { code: 'cocoa', name: 'Cacao en grano', unit: 'KILOGRAM', food: false, need: null, monthly: 300, sources: ['venezuelanalysis-digest'] },
  { code: 'chocolate', name: 'Chocolate', unit: 'KILOGRAM', food: true, need: null, monthly: 150, sources: ['venezuelanalysis-digest'] },
  { code: 'black-beans', name: 'Caraotas negras', unit: 'KILOGRAM', food: true, need: '1.5', monthly: 1500, sources: ['venezuelanalysis-digest'] },
  { code: 'sugar', name: 'Azúcar', unit: 'KILOGRAM', food: true, need: '1.5', monthly: 1500, sources: ['rabble-2019'] },
  { code: 'bread', name: 'Pan', unit: 'UNIT', food: true, need: '30', monthly: 6000, sources: ['rabble-2019'] },
  { code: 'animal-feed', name: 'Alimento para animales (cebada)', unit: 'TONNE', food: false, need: null, monthly: 30, sources: ['rabble-2019'] },
  { code: 'tubers', name: 'Tubérculos', unit: 'KILOGRAM', food: true, need: '4', monthly: 1200, sources: ['venezuelanalysis-digest'] },
  { code: 'avocado', name: 'Aguacate', unit: 'KILOGRAM', food: true, need: null, monthly: 400, sources: ['venezuelanalysis-digest'] },
  { code: 'packaged-beans', name: 'Caraotas empaquetadas', unit: 'KILOGRAM', food: true, need: null, monthly: 2000, sources: ['rabble-2019'] },
  { code: 'recycled-material', name: 'Material reciclado', unit: 'KILOGRAM', food: false, need: null, monthly: 4000, sources: ['peoples-dispatch-2023', 'venezuelanalysis-digest'] },
  { code: 'coffee-seedlings', name: 'Plántulas de café', unit: 'UNIT', food: false, need: null, monthly: 2000, sources: ['venezuelanalysis-digest'] },
  { code: 'cooking-gas', name: 'Gas doméstico', unit: 'KILOGRAM', food: false, need: null, monthly: 5000, sources: maizal },
  { code: 'garments', name: 'Prendas de vestir', unit: 'UNIT', food: false, need: null, monthly: 300, sources: [] },
];

export type UnitTypeSpec = 'DIRECT_COMMUNAL' | 'INDIRECT_COMMUNAL' | 'FAMILY' | 'SOCIAL_EXCHANGE_GROUP';
export type SectorSpec = 'AGRICULTURE' | 'LIVESTOCK' | 'FOOD_PROCESSING' | 'MANUFACTURING' | 'DISTRIBUTION' | 'RECYCLING' | 'SERVICES';

export interface UnitSpec {
  name: string;
  type: UnitTypeSpec;
  sector: SectorSpec;
  products: string[];
  /** A known founding date; otherwise one is generated. */
  foundedOn?: string;
  /** True when the unit itself is in the reference facts (not just its commune's activity). */
  known?: boolean;
  status?: 'ACTIVE' | 'PAUSED' | 'CLOSED';
}

export interface CommuneUnits {
  /** Sample territory id of the commune (see @comuna/sample-data). */
  communeId: number;
  /** Total direct producers when the facts give it; split across units. */
  workers?: number;
  sources: string[];
  units: UnitSpec[];
}

const D = 'DIRECT_COMMUNAL' as const;
const F = 'FAMILY' as const;
const G = 'SOCIAL_EXCHANGE_GROUP' as const;
const I = 'INDIRECT_COMMUNAL' as const;

/** Units per commune: El Maizal's 14 (120 producers), 5 de Marzo's 19, El Panal's plant and bakery, Proletarios Unidos… */
export const COMMUNE_UNITS: CommuneUnits[] = [
  {
    communeId: 1,
    workers: 120,
    sources: ['peoples-dispatch-2023'],
    units: [
      { name: 'Siembra colectiva de maíz blanco', type: D, sector: 'AGRICULTURE', products: ['white-maize'] },
      { name: 'Siembra de maíz amarillo', type: D, sector: 'AGRICULTURE', products: ['yellow-maize'] },
      { name: 'Semillas El Maizal', type: D, sector: 'AGRICULTURE', products: ['white-maize', 'yellow-maize'] },
      { name: 'Rebaño bovino comunal', type: D, sector: 'LIVESTOCK', products: ['beef', 'milk'] },
      { name: 'Granja porcina', type: D, sector: 'LIVESTOCK', products: ['pork'] },
      { name: 'Granja avícola', type: D, sector: 'LIVESTOCK', products: ['eggs'] },
      { name: 'Quesera comunal', type: D, sector: 'FOOD_PROCESSING', products: ['cheese'] },
      { name: 'Empresa comunal de gas', type: D, sector: 'SERVICES', products: ['cooking-gas'], foundedOn: '2011-06-01', known: true },
      { name: 'Parcela de la Escuela Agrícola Che Guevara', type: I, sector: 'AGRICULTURE', products: ['vegetables'] },
      { name: 'Cafetal familiar Sarare', type: F, sector: 'AGRICULTURE', products: ['coffee'] },
      { name: 'Conuco familiar Sarare', type: F, sector: 'AGRICULTURE', products: ['vegetables'] },
      { name: 'Conuco familiar Papelón', type: F, sector: 'AGRICULTURE', products: ['vegetables'] },
      { name: 'Lechería familiar Papelón', type: F, sector: 'LIVESTOCK', products: ['milk'] },
      { name: 'Grupo de intercambio solidario El Maizal', type: G, sector: 'DISTRIBUTION', products: ['cheese', 'vegetables'] },
    ],
  },
  {
    communeId: 2,
    sources: ['peoples-dispatch-2023'],
    units: [
      { name: 'Tienda comunal 5 de Marzo', type: G, sector: 'DISTRIBUTION', products: ['coffee', 'panela', 'cocoa'], known: true },
      { name: 'Sistema comunal de reciclaje', type: D, sector: 'RECYCLING', products: ['recycled-material'], known: true },
      { name: 'Escuela de reciclaje (taller)', type: D, sector: 'RECYCLING', products: ['recycled-material'], known: true },
      ...[1, 2].map((n) => ({ name: `Panadería comunal El Valle ${n}`, type: D, sector: 'FOOD_PROCESSING' as const, products: ['bread'] })),
      ...[1, 2].map((n) => ({ name: `Taller de costura ${n}`, type: D, sector: 'MANUFACTURING' as const, products: ['garments'] })),
      ...[1, 2, 3].map((n) => ({ name: `Gallinero familiar ${n}`, type: F, sector: 'LIVESTOCK' as const, products: ['eggs'] })),
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ name: `Huerto urbano familiar ${n}`, type: F, sector: 'AGRICULTURE' as const, products: ['vegetables'] })),
      { name: 'Punto de acopio de reciclaje', type: F, sector: 'RECYCLING', products: ['recycled-material'], status: 'PAUSED' },
    ],
  },
  {
    communeId: 3,
    sources: ['rabble-2019'],
    units: [
      { name: 'Planta empaquetadora de granos y azúcar', type: D, sector: 'FOOD_PROCESSING', products: ['packaged-beans', 'sugar'], known: true },
      { name: 'Panadería comunal El Panal', type: D, sector: 'FOOD_PROCESSING', products: ['bread'], known: true },
      { name: 'Distribución casa por casa', type: G, sector: 'DISTRIBUTION', products: ['packaged-beans'], known: true },
    ],
  },
  {
    communeId: 4,
    sources: ['rabble-2019'],
    units: [{ name: 'Proletarios Unidos', type: D, sector: 'FOOD_PROCESSING', products: ['animal-feed'], foundedOn: '2014-01-01', known: true }],
  },
  {
    communeId: 5,
    sources: ['venezuelanalysis-digest', 'gilbert-review'],
    units: [
      { name: 'Café Che Guevara', type: D, sector: 'AGRICULTURE', products: ['coffee'], known: true },
      { name: 'Chocolatera comunal', type: D, sector: 'FOOD_PROCESSING', products: ['chocolate'], known: true },
      { name: 'Cacaotal familiar', type: F, sector: 'AGRICULTURE', products: ['cocoa'] },
    ],
  },
  { communeId: 6, sources: ['venezuelanalysis-digest'], units: [{ name: 'Reciclaje Luisa Cáceres', type: D, sector: 'RECYCLING', products: ['recycled-material'], known: true }] },
  {
    communeId: 7,
    sources: ['venezuelanalysis-digest'],
    units: [
      { name: 'Cafetal Monte Sinaí', type: D, sector: 'AGRICULTURE', products: ['coffee'], known: true },
      { name: 'Vivero de plántulas de café', type: D, sector: 'AGRICULTURE', products: ['coffee-seedlings'], known: true },
      { name: 'Siembra de caraotas', type: D, sector: 'AGRICULTURE', products: ['black-beans'], known: true },
      { name: 'Conuco de tubérculos', type: F, sector: 'AGRICULTURE', products: ['tubers'], known: true },
      { name: 'Cacao y aguacate del Valle de Guanape', type: F, sector: 'AGRICULTURE', products: ['cocoa', 'avocado'], known: true },
    ],
  },
  { communeId: 8, sources: [], units: [{ name: 'Huerto periurbano El Sur Existe', type: D, sector: 'AGRICULTURE', products: ['vegetables'] }] },
  { communeId: 11, sources: [], units: [{ name: 'Hato comunal Pancha Vásquez', type: D, sector: 'LIVESTOCK', products: ['beef', 'milk'] }] },
];
