import { keysetCondition, pageWindow, placeholders, toConnection, toInt, type Connection, type KeysetCursor, type PageArgs } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import type { Table } from '../tables.js';

export interface ChildPageKey extends PageArgs {
  parentId: number;
}

interface ChildrenSpec<R> {
  table: Table<R>;
  parentColumn: string;
  /** Sort expression (never NULL), read back for cursors; rows sort by it DESC or ASC, then by id. */
  sort: string;
  direction: 'ASC' | 'DESC';
}

/**
 * One page of children for each parent in a batch (a federation's members, an organ's mandates): a window
 * function numbers each parent's rows, so a list of parents costs two statements (page and counts) per distinct
 * page window, not one per parent.
 */
export function pagedChildren<R extends { id: number }>(em: SqlEntityManager, spec: ChildrenSpec<R>) {
  const cacheKey = (key: ChildPageKey) => `${key.parentId}|${key.first ?? ''}|${key.after ?? ''}`;
  return new DataLoader<ChildPageKey, Connection<R>, string>(
    async (keys) => {
      const windowOf = (key: ChildPageKey) => `${pageWindow(key).limit}|${key.after ?? ''}`;
      const windows = new Map<string, { limit: number; after: KeysetCursor | undefined; parents: number[] }>();
      for (const key of keys) {
        const { limit, after } = pageWindow(key);
        const w = windowOf(key);
        const group = windows.get(w) ?? { limit, after, parents: [] };
        group.parents.push(key.parentId);
        windows.set(w, group);
      }
      const pages = new Map<string, Connection<R>>();
      await Promise.all(
        [...windows].map(async ([w, { limit, after, parents }]) => {
          const keyset = after ? keysetCondition(spec.sort, 'id', spec.direction, after) : { sql: '1 = 1', params: [] };
          const [rows, counts] = await Promise.all([
            limit === 0
              ? Promise.resolve([])
              : em.execute(
                  `select * from (select ${spec.table.columns}, ${spec.parentColumn} as "parentId", ${spec.sort} as "sortValue",
                     row_number() over (partition by ${spec.parentColumn} order by ${spec.sort} ${spec.direction}, id ${spec.direction}) as rn
                   from ${spec.table.table} where ${spec.parentColumn} in (${placeholders(parents.length)}) and ${keyset.sql}) x
                   where rn <= ? order by rn`,
                  [...parents, ...keyset.params, limit + 1],
                ),
            em.execute(`select ${spec.parentColumn} as "parentId", count(*) as n from ${spec.table.table} where ${spec.parentColumn} in (${placeholders(parents.length)}) group by ${spec.parentColumn}`, parents),
          ]);
          const totals = new Map(counts.map((c) => [toInt(c.parentId), toInt(c.n)]));
          for (const parent of parents) {
            const mine = rows.filter((raw) => toInt(raw.parentId) === parent);
            const sortValues = new Map(mine.map((raw) => [toInt(raw.id), raw.sortValue as string]));
            const mapped = mine.map((raw) => spec.table.map(raw));
            pages.set(
              `${parent}|${w}`,
              toConnection(mapped, limit, totals.get(parent) ?? 0, (row) => sortValues.get(row.id) ?? null),
            );
          }
        }),
      );
      return keys.map((key) => pages.get(`${key.parentId}|${windowOf(key)}`)!);
    },
    { cacheKeyFn: cacheKey },
  );
}
