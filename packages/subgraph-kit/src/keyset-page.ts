import type { SqlEntityManager } from '@mikro-orm/sql';
import { keysetCondition, pageWindow, toConnection, type Connection, type PageArgs, type SortDirection } from './pagination.js';
import type { Where } from './sql-where.js';

/** How to read one kind of row: its table, its columns (aliased to the row's fields) and the mapping. */
export interface RowTable<R> {
  table: string;
  columns: string;
  map(raw: Record<string, unknown>): R;
}

/**
 * One page of a filtered list: two statements whatever the page size (the page, and the total count). Rows are
 * read by keyset on `sort` then id, so deep pages cost the same as the first and stay stable while rows are
 * added. `sort.expression` is an SQL expression from a fixed map in the caller (never user text) that is never NULL; its
 * value is read back with each row to build the cursor.
 */
export async function keysetPage<R extends { id: number }>(
  em: SqlEntityManager,
  table: RowTable<R>,
  where: Where,
  args: PageArgs,
  sort: { expression: string; direction: SortDirection; numeric?: boolean },
): Promise<Connection<R>> {
  const { limit, after } = pageWindow(args);
  const keyset = after ? keysetCondition(sort.expression, 'id', sort.direction, after) : undefined;
  const pageWhere = keyset ? `${where.toSql()} and ${keyset.sql}` : where.toSql();
  const [rows, count] = await Promise.all([
    limit === 0
      ? Promise.resolve([])
      : em.execute(
          `select ${table.columns}, ${sort.expression} as "sortValue" from ${table.table} where ${pageWhere} order by ${sort.expression} ${sort.direction}, id ${sort.direction} limit ?`,
          [...where.params, ...(keyset?.params ?? []), limit + 1],
        ),
    em.execute(`select count(*) as n from ${table.table} where ${where.toSql()}`, where.params),
  ]);
  const sortValues = new Map<number, string | number>();
  const mapped = rows.map((raw) => {
    const row = table.map(raw);
    // PostgreSQL returns bigint aggregates as strings, and SQLite orders any number before any text: a numeric
    // sort must carry a number in its cursor.
    sortValues.set(row.id, sort.numeric ? Number(raw.sortValue) : String(raw.sortValue));
    return row;
  });
  return toConnection(mapped, limit, Number(count[0]!.n), (row) => sortValues.get(row.id) ?? null);
}
