/**
 * The production subgraph's product catalogue (codes, units and needs as its sample seeds them, so queries by
 * product code mean the same on both datasets), with a sector and a typical monthly output of a commune's unit.
 */
export const PRODUCTS: { code: string; name: string; unit: string; food: boolean; need: string | null; monthly: number; sector: string }[] = [
  { code: 'white-maize', name: 'Maíz blanco', unit: 'TONNE', food: true, need: '0.004', monthly: 40, sector: 'AGRICULTURE' },
  { code: 'yellow-maize', name: 'Maíz amarillo', unit: 'TONNE', food: false, need: null, monthly: 25, sector: 'AGRICULTURE' },
  { code: 'beef', name: 'Carne de res', unit: 'KILOGRAM', food: true, need: '1.5', monthly: 900, sector: 'LIVESTOCK' },
  { code: 'pork', name: 'Carne de cerdo', unit: 'KILOGRAM', food: true, need: '0.8', monthly: 600, sector: 'LIVESTOCK' },
  { code: 'eggs', name: 'Huevos', unit: 'DOZEN', food: true, need: '1.5', monthly: 800, sector: 'LIVESTOCK' },
  { code: 'milk', name: 'Leche', unit: 'LITRE', food: true, need: '6', monthly: 3000, sector: 'LIVESTOCK' },
  { code: 'cheese', name: 'Queso', unit: 'KILOGRAM', food: true, need: '0.5', monthly: 300, sector: 'FOOD_PROCESSING' },
  { code: 'coffee', name: 'Café', unit: 'KILOGRAM', food: true, need: '0.3', monthly: 200, sector: 'AGRICULTURE' },
  { code: 'vegetables', name: 'Hortalizas', unit: 'KILOGRAM', food: true, need: '6', monthly: 500, sector: 'AGRICULTURE' },
  { code: 'panela', name: 'Panela', unit: 'KILOGRAM', food: true, need: '1', monthly: 400, sector: 'FOOD_PROCESSING' },
  { code: 'cocoa', name: 'Cacao en grano', unit: 'KILOGRAM', food: false, need: null, monthly: 300, sector: 'AGRICULTURE' },
  { code: 'chocolate', name: 'Chocolate', unit: 'KILOGRAM', food: true, need: null, monthly: 150, sector: 'FOOD_PROCESSING' },
  { code: 'black-beans', name: 'Caraotas negras', unit: 'KILOGRAM', food: true, need: '1.5', monthly: 1500, sector: 'AGRICULTURE' },
  { code: 'sugar', name: 'Azúcar', unit: 'KILOGRAM', food: true, need: '1.5', monthly: 1500, sector: 'FOOD_PROCESSING' },
  { code: 'bread', name: 'Pan', unit: 'UNIT', food: true, need: '30', monthly: 6000, sector: 'FOOD_PROCESSING' },
  { code: 'animal-feed', name: 'Alimento para animales (cebada)', unit: 'TONNE', food: false, need: null, monthly: 30, sector: 'FOOD_PROCESSING' },
  { code: 'tubers', name: 'Tubérculos', unit: 'KILOGRAM', food: true, need: '4', monthly: 1200, sector: 'AGRICULTURE' },
  { code: 'avocado', name: 'Aguacate', unit: 'KILOGRAM', food: true, need: null, monthly: 400, sector: 'AGRICULTURE' },
  { code: 'packaged-beans', name: 'Caraotas empaquetadas', unit: 'KILOGRAM', food: true, need: null, monthly: 2000, sector: 'FOOD_PROCESSING' },
  { code: 'recycled-material', name: 'Material reciclado', unit: 'KILOGRAM', food: false, need: null, monthly: 4000, sector: 'RECYCLING' },
  { code: 'coffee-seedlings', name: 'Plántulas de café', unit: 'UNIT', food: false, need: null, monthly: 2000, sector: 'AGRICULTURE' },
  { code: 'cooking-gas', name: 'Gas doméstico', unit: 'KILOGRAM', food: false, need: null, monthly: 5000, sector: 'DISTRIBUTION' },
  { code: 'garments', name: 'Prendas de vestir', unit: 'UNIT', food: false, need: null, monthly: 300, sector: 'MANUFACTURING' },
];

/** Thousandths of the product's unit: counted products in whole items, weights and volumes to a tenth, tonnes to the kilogram. */
export function scaledQuantity(value: number, unit: string): bigint {
  if (unit === 'UNIT' || unit === 'DOZEN') return BigInt(Math.round(value)) * 1000n;
  if (unit === 'TONNE') return BigInt(Math.round(value * 1000));
  return BigInt(Math.round(value * 10)) * 100n;
}

/** A decimal text to an integer of thousandths (the catalogue's needs per person). */
export const thousandths = (text: string) => BigInt(Math.round(Number(text) * 1000));
