/**
 * Groups `{ k, m }` rows (a territory key and a `YYYY-MM` month, ordered by month) into each key's months as first
 * days (`YYYY-MM-01`), ascending, in the order of `keys`; a key without rows gets an empty list. The per-month facts
 * of the analytics (ADR 0005) are read this way by governance, production and budget alike.
 */
export function monthsByKey(rows: readonly Record<string, unknown>[], keys: readonly string[]): string[][] {
  const months = new Map<string, string[]>();
  for (const row of rows) {
    const key = String(row.k);
    const list = months.get(key) ?? [];
    list.push(`${String(row.m).slice(0, 7)}-01`);
    months.set(key, list);
  }
  return keys.map((key) => (months.get(key) ?? []).sort());
}
