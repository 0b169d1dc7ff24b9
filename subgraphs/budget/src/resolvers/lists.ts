import { keysetCondition, pageWindow, toConnection, type PageArgs, type SortDirection } from '@comuna/subgraph-kit';
import type { BudgetContext } from '../context.js';

interface Table<R> {
  table: string;
  columns: string;
  map(raw: Record<string, unknown>): R;
}

/** A WHERE clause under construction: conditions joined by AND, with their parameters in order. */
export class Where {
  private readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  add(condition: string, ...params: unknown[]): this {
    this.conditions.push(condition);
    this.params.push(...params);
    return this;
  }

  toSql(): string {
    return this.conditions.length ? this.conditions.join(' and ') : '1 = 1';
  }
}

/**
 * One page of rows ordered by `sort` then id: two statements whatever the page size (the page, and the total).
 * Keyset paging, so deep pages cost the same as the first and stay stable while rows are added.
 */
export async function page<R extends { id: number }>(
  ctx: BudgetContext,
  table: Table<R>,
  where: Where,
  args: PageArgs,
  sort: { column: string; direction: SortDirection; valueOf(row: R): string | number },
) {
  const { limit, after } = pageWindow(args);
  const keyset = after ? keysetCondition(sort.column, 'id', sort.direction, after) : undefined;
  const [rows, count] = await Promise.all([
    limit === 0
      ? Promise.resolve([])
      : ctx.em.execute(
          `select ${table.columns} from ${table.table} where ${where.toSql()}${keyset ? ` and ${keyset.sql}` : ''} order by ${sort.column} ${sort.direction}, id ${sort.direction} limit ?`,
          [...where.params, ...(keyset?.params ?? []), limit + 1],
        ),
    ctx.em.execute(`select count(*) as n from ${table.table} where ${where.toSql()}`, where.params),
  ]);
  return toConnection(rows.map(table.map), limit, Number(count[0]!.n), sort.valueOf);
}
