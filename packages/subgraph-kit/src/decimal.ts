import { badInput } from './errors.js';

/**
 * Exact decimals. Money and quantities are stored as integers of minor units (a fixed scale per column:
 * 2 for money, 3 for quantities), so SUM in SQL is exact on SQLite and PostgreSQL alike, and cross the API
 * as decimal strings ("1234.50"), never as floats.
 */
export function toScaled(value: string, scale: number, argument = 'value'): bigint {
  const match = /^(-?)(\d{1,15})(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw badInput(`${argument} "${value}" is not a decimal number such as "1250.50"`, { argument });
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > scale) throw badInput(`${argument} "${value}" has more than ${scale} decimal places`, { argument });
  const scaled = BigInt(whole!) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0') || '0');
  return sign === '-' ? -scaled : scaled;
}

/** The decimal string of a scaled integer as read from SQL (number, bigint or numeric string). */
export function fromScaled(value: bigint | number | string | null | undefined, scale: number): string {
  const n = typeof value === 'bigint' ? value : BigInt(value ?? 0);
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** A positive decimal, scaled; zero and negatives are refused with a message naming the argument. */
export function positiveScaled(value: string, scale: number, argument: string): bigint {
  const scaled = toScaled(value, scale, argument);
  if (scaled <= 0n) throw badInput(`${argument} must be greater than zero; got ${value}`, { argument });
  return scaled;
}
