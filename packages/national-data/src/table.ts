/** Rows for one table of one subgraph's database, produced lazily so millions of rows never sit in memory. */
export interface Table {
  name: string;
  columns: string[];
  /** Exact number of rows `rows()` yields (for the progress bar and the summary). */
  count: number;
  rows(): Iterable<unknown[]>;
}

export const json = (value: unknown) => JSON.stringify(value);

/** A table from rows already in memory. */
export function table<T>(name: string, columns: string[], items: readonly T[], row: (item: T) => unknown[]): Table {
  return { name, columns, count: items.length, rows: () => items.map(row) };
}
