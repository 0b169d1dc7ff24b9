import { badInput } from './errors.js';

/** Largest page any connection serves; larger `first` values are refused rather than silently cut. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A keyset position: the sort value of the last row seen and its id, so pages stay stable under inserts. */
export interface KeysetCursor {
  value: string | number | null;
  id: number;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(after: string): KeysetCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (parsed[0] === null || typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      Number.isSafeInteger(parsed[1])
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(`after "${after}" is not a cursor this API issued; pass an endCursor from a previous page`, {
    argument: 'after',
  });
}

/** Validates `first` and `after` once, before any SQL runs. */
export function pageWindow(args: PageArgs): { limit: number; after: KeysetCursor | undefined } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}; got ${first}. Page through larger lists with after.`, {
      argument: 'first',
    });
  }
  return { limit: first, after: args.after ? decodeCursor(args.after) : undefined };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null; startCursor: string | null };
  totalCount: number;
}

/**
 * Builds a connection from up to `limit + 1` rows (the extra row only tells whether a next page exists).
 * `sortValue` reads the value the rows were ordered by, for the cursor.
 */
export function toConnection<T extends { id: number }>(
  rows: T[],
  limit: number,
  totalCount: number,
  sortValue: (row: T) => string | number | null,
): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor({ value: sortValue(node), id: node.id }), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

export type SortDirection = 'ASC' | 'DESC';

/**
 * The SQL condition that starts a page after `cursor` when rows are ordered by `column` then by `idColumn`.
 * `column` must come from a fixed map in the caller (never from user text) and must not be NULL.
 */
export function keysetCondition(
  column: string,
  idColumn: string,
  direction: SortDirection,
  cursor: KeysetCursor,
): { sql: string; params: unknown[] } {
  const op = direction === 'ASC' ? '>' : '<';
  return {
    sql: `(${column} ${op} ? or (${column} = ? and ${idColumn} ${op} ?))`,
    params: [cursor.value, cursor.value, cursor.id],
  };
}

/** `?, ?, ?` for an IN list of n values (n ≥ 1). */
export function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}
