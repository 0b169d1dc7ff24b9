import { fromScaled } from '@comuna/subgraph-kit';
import { MONEY_SCALE } from '../entities/money.js';

/** Money for the API: an exact decimal string with its currency. */
export const money = (minor: bigint, currency: string) => ({ amount: fromScaled(minor, MONEY_SCALE), currency });

/** `numerator / denominator` as a decimal string with four places, rounded half away from zero; null for 0/0. */
export function ratio(numerator: bigint, denominator: bigint): string | null {
  if (denominator === 0n) return null;
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const scaled = (n * 20000n + d) / (2n * d);
  return fromScaled(negative ? -scaled : scaled, 4);
}
