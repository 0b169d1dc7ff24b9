import { fromScaled } from '@comuna/subgraph-kit';

/**
 * `numerator / denominator × multiplier` as an exact decimal string with `scale` places, rounded half up, from
 * whole numbers only (no float ever touches a published rate). Null when the denominator is zero.
 */
export function ratio(numerator: number, denominator: number, multiplier = 1, scale = 2): string | null {
  if (denominator === 0) return null;
  const n = BigInt(numerator) * BigInt(multiplier) * 10n ** BigInt(scale);
  const d = BigInt(denominator);
  return fromScaled((2n * n + d) / (2n * d), scale);
}
