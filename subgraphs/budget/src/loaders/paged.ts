import DataLoader from 'dataloader';
import { placeholders, toInt } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';

export interface ChildPageKey {
  parentId: number;
  limit: number;
  afterId: number;
}
export interface ChildPage<R> {
  rows: R[];
  totalCount: number;
}

/**
 * Pages of children under many parents at once (a connection field on a list of parents), ordered by id: one
 * statement for the pages (a window numbers each parent's rows) and one for the totals, per (limit, after).
 */
export function pagedChildren<R>(em: SqlEntityManager, table: { table: string; columns: string; map(raw: Record<string, unknown>): R }, parentColumn: string) {
  const cacheKey = (k: ChildPageKey) => `${k.parentId}|${k.limit}|${k.afterId}`;
  return new DataLoader<ChildPageKey, ChildPage<R>, string>(
    async (keys) => {
      const groups = new Map<string, ChildPageKey[]>();
      for (const key of keys) groups.set(`${key.limit}|${key.afterId}`, [...(groups.get(`${key.limit}|${key.afterId}`) ?? []), key]);
      const answers = new Map<string, ChildPage<R>>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { limit, afterId } = group[0]!;
          const parents = [...new Set(group.map((k) => k.parentId))];
          const marks = placeholders(parents.length);
          const [pages, totals] = await Promise.all([
            limit === 0
              ? Promise.resolve([])
              : em.execute(
                  `select * from (select ${table.columns}, ${parentColumn} as parent_key, row_number() over (partition by ${parentColumn} order by id) as m
                   from ${table.table} where ${parentColumn} in (${marks}) and id > ?) w where w.m <= ? order by w.id`,
                  [...parents, afterId, limit + 1],
                ),
            em.execute(`select ${parentColumn} as parent_key, count(*) as n from ${table.table} where ${parentColumn} in (${marks}) group by ${parentColumn}`, parents),
          ]);
          const byParent = new Map<number, ChildPage<R>>(parents.map((p) => [p, { rows: [], totalCount: 0 }]));
          for (const row of totals) byParent.get(toInt(row.parent_key))!.totalCount = toInt(row.n);
          for (const row of pages) byParent.get(toInt(row.parent_key))!.rows.push(table.map(row));
          for (const key of group) answers.set(cacheKey(key), byParent.get(key.parentId)!);
        }),
      );
      return keys.map((key) => answers.get(cacheKey(key))!);
    },
    { cacheKeyFn: cacheKey },
  );
}
