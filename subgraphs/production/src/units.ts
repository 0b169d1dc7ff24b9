import { badInput, fromScaled } from '@comuna/subgraph-kit';

export const MEASURE_UNITS = ['GRAM', 'KILOGRAM', 'TONNE', 'MILLILITRE', 'LITRE', 'UNIT', 'DOZEN'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

/** Quantities are integers of thousandths of their unit (grams of a kilogram, kilograms of a tonne). */
export const QUANTITY_SCALE = 3;
/** Money is integers of cents. */
export const MONEY_SCALE = 2;

type Dimension = 'MASS' | 'VOLUME' | 'COUNT';

/** Each unit as an integer multiple of its dimension's smallest unit, so every conversion is exact. */
const UNITS: Record<MeasureUnit, { dimension: Dimension; factor: bigint }> = {
  GRAM: { dimension: 'MASS', factor: 1n },
  KILOGRAM: { dimension: 'MASS', factor: 1_000n },
  TONNE: { dimension: 'MASS', factor: 1_000_000n },
  MILLILITRE: { dimension: 'VOLUME', factor: 1n },
  LITRE: { dimension: 'VOLUME', factor: 1_000n },
  UNIT: { dimension: 'COUNT', factor: 1n },
  DOZEN: { dimension: 'COUNT', factor: 12n },
};

export const dimensionOf = (unit: MeasureUnit): Dimension => UNITS[unit].dimension;
export const baseFactor = (unit: MeasureUnit): bigint => UNITS[unit].factor;

export interface QuantityValue {
  value: string;
  unit: MeasureUnit;
}

/** A stored quantity (thousandths of `unit`) as the API shows it. */
export function quantity(scaled: bigint | number | string | null | undefined, unit: MeasureUnit): QuantityValue {
  return { value: fromScaled(scaled, QUANTITY_SCALE), unit };
}

/** Refuses to add quantities of different dimensions (kilograms to litres), naming what was mixed. */
export function assertCompatible(target: MeasureUnit, units: { name: string; unit: MeasureUnit }[], argument: string): void {
  const wrong = units.filter((u) => dimensionOf(u.unit) !== dimensionOf(target));
  if (wrong.length) {
    const list = wrong.map((u) => `${u.name} (${u.unit})`).join(', ');
    throw badInput(`Cannot add ${list} into ${target}: ${dimensionOf(target).toLowerCase()} and ${dimensionOf(wrong[0]!.unit).toLowerCase()} do not convert`, {
      argument,
      reason: 'INCOMPATIBLE_UNITS',
    });
  }
}

/**
 * Expresses an amount given in thousandths of the dimension's base unit in `target`, exactly: dividing by a
 * factor that is not a power of ten (a dozen) can leave a repeating decimal, so such a result is refused
 * rather than rounded.
 */
export function fromBase(thousandthsOfBase: bigint, target: MeasureUnit, argument: string): QuantityValue {
  const factor = baseFactor(target);
  let digits = 0;
  let divisor = factor;
  while (divisor % 10n === 0n) {
    divisor /= 10n;
    digits++;
  }
  if (thousandthsOfBase % divisor !== 0n) {
    throw badInput(`The total is not a whole number of thousandths of a ${target.toLowerCase()}; ask for it in ${target === 'DOZEN' ? 'UNIT' : 'a smaller unit'}`, { argument });
  }
  const text = fromScaled(thousandthsOfBase / divisor, QUANTITY_SCALE + digits);
  // Keep at least the usual three places, drop the extra zeros a larger unit brought in.
  const [whole, fraction = ''] = text.split('.');
  const trimmed = fraction.length > QUANTITY_SCALE ? fraction.replace(/0+$/, '').padEnd(QUANTITY_SCALE, '0') : fraction;
  return { value: `${whole}.${trimmed}`, unit: target };
}

/** quantity × price per unit in cents, rounded half up: the value of a flow. */
export function lineValue(quantityThousandths: bigint, priceCents: bigint): bigint {
  const product = quantityThousandths * priceCents;
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const rounded = (abs + 500n) / 1000n;
  return negative ? -rounded : rounded;
}
