import DataLoader from 'dataloader';

/**
 * A loader of one row per key: `fetch` runs one SQL statement for the whole batch, and rows are matched back to
 * keys by `keyOf` (missing keys answer null). Keys are de-duplicated, so 100 representations of 10 bodies
 * cost one statement for 10 ids.
 */
export function rowLoader<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K): DataLoader<K, R | null> {
  return new DataLoader<K, R | null>(
    async (keys) => {
      const rows = await fetch(keys);
      const byKey = new Map(rows.map((row) => [keyOf(row), row]));
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { maxBatchSize: 1000 },
  );
}

/** A loader of every row under each key (children of a parent), one SQL statement per batch. */
export function groupLoader<K, R>(fetch: (keys: readonly K[]) => Promise<R[]>, keyOf: (row: R) => K): DataLoader<K, R[]> {
  return new DataLoader<K, R[]>(
    async (keys) => {
      const rows = await fetch(keys);
      const groups = new Map<K, R[]>();
      for (const row of rows) {
        const key = keyOf(row);
        const group = groups.get(key);
        if (group) group.push(row);
        else groups.set(key, [row]);
      }
      return keys.map((key) => groups.get(key) ?? []);
    },
    { maxBatchSize: 1000 },
  );
}

/** SQL drivers disagree on numeric types (PostgreSQL returns bigint sums as strings): normalise to number. */
export function toInt(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

/** JSON columns come back parsed from PostgreSQL and as text from SQLite. */
export function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
