/** A small seeded PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export function seededRandom(seed: string | number): () => number {
  let state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, for turning a name into a seed. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** An integer in [min, max]. */
export function intBetween(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * Splits `total` into `parts` positive integers that add up to it exactly, each within [min, max] where
 * the total allows, with a deterministic spread.
 */
export function splitTotal(random: () => number, total: number, parts: number, min = 1): number[] {
  const weights = Array.from({ length: parts }, () => 0.6 + random() * 0.8);
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - min * parts;
  if (spare < 0) throw new Error(`cannot split ${total} into ${parts} parts of at least ${min}`);
  const shares = weights.map((w) => min + Math.floor((spare * w) / sum));
  let rest = total - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) shares[i]! += 1;
  return shares;
}
