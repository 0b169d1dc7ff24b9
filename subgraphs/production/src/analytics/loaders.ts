import type { SqlEntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import { inScope, scopeCte } from '../loaders/scope.js';
import { monthWindow } from '../period.js';
import type { ScopedTerritory } from '../rows.js';
import { bucketSql, monthsByKey, type TrendBucket } from '@comuna/subgraph-kit';
import { currentMonth } from '../period.js';

export interface FoodTrendKey {
  territory: ScopedTerritory;
  from: string;
  to: string;
  bucket: TrendBucket;
}
/** Output per bucket label, then per product id, in thousandths of the product's unit. */
export type BucketOutputs = Map<string, Map<number, bigint>>;

const REPORTS = `production_report r join production_unit u on u.id = r.unit_id join scope s on ${inScope('u.owner_id')}`;
const big = (value: unknown): bigint => BigInt((value as string | number | bigint | null) ?? 0);
export const foodTrendKey = (k: FoodTrendKey) => `${k.territory.id}|${k.from}|${k.to}|${k.bucket}`;

/**
 * Per-request loaders of the analytics facts and trends. They sit in the request's loader set (as `analytics`), so
 * the write gate's resetLoaders() clears them with the others: a read after a write in one request sees the write.
 */
export function createAnalyticsLoaders(em: SqlEntityManager) {
  const run = (territories: readonly ScopedTerritory[], body: string, params: unknown[]) => {
    const cte = scopeCte(em, territories);
    return em.execute(`with ${cte.sql} ${body}`, [cte.param, ...params]);
  };
  const loaders = {
    /** Latest month with any report per territory: one aggregate for the batch. */
    lastReportedMonth: new DataLoader<ScopedTerritory, string | null, string>(
      async (territories) => {
        const rows = await run(territories, `select s.t as t, max(r.month) as m from ${REPORTS} group by s.t`, []);
        const byId = new Map(rows.map((r) => [String(r.t), r.m === null ? null : `${String(r.m)}-01`]));
        return territories.map((t) => byId.get(t.id) ?? null);
      },
      { cacheKeyFn: (t) => t.id, maxBatchSize: 1000 },
    ),
    /** Months reported (first days, ascending, up to the current month) per territory: one GROUP BY for the batch. */
    reportedMonths: new DataLoader<ScopedTerritory, string[], string>(
      async (territories) => {
        const rows = await run(territories, `select s.t as k, r.month as m from ${REPORTS} where r.month <= ? group by s.t, r.month`, [currentMonth()]);
        return monthsByKey(rows, territories.map((t) => t.id));
      },
      { cacheKeyFn: (t) => t.id, maxBatchSize: 1000 },
    ),
    /** Output per (territory, bucket, product): one GROUP BY per bucket size and period in the batch. */
    foodTrend: new DataLoader<FoodTrendKey, BucketOutputs, string>(
      async (keys) => {
        const answers = new Map<string, BucketOutputs>();
        const groups = new Map<string, FoodTrendKey[]>();
        for (const k of keys) groups.set(`${k.from}|${k.to}|${k.bucket}`, [...(groups.get(`${k.from}|${k.to}|${k.bucket}`) ?? []), k]);
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const { from, to, bucket } = group[0]!;
            const { first, last } = monthWindow({ from, to });
            const label = bucketSql('r.month', bucket);
            const rows = await run(
              group.map((k) => k.territory),
              `select s.t as t, ${label} as p, r.product_id as product, sum(r.quantity) as quantity from ${REPORTS}
               where r.month between ? and ? group by s.t, ${label}, r.product_id`,
              [first, last],
            );
            for (const r of rows) {
              const key = foodTrendKey({ ...group[0]!, territory: { id: String(r.t), bodies: null } });
              const series = answers.get(key) ?? new Map<string, Map<number, bigint>>();
              const bucketOutputs = series.get(String(r.p)) ?? new Map<number, bigint>();
              bucketOutputs.set(Number(r.product), big(r.quantity));
              series.set(String(r.p), bucketOutputs);
              answers.set(key, series);
            }
          }),
        );
        return keys.map((k) => answers.get(foodTrendKey(k)) ?? new Map());
      },
      { cacheKeyFn: foodTrendKey, maxBatchSize: 1000 },
    ),
  };
  return {
    ...loaders,
    /** Forgets every cached fact (called by resetLoaders after a write). */
    clearAll() {
      for (const loader of Object.values(loaders)) loader.clearAll();
    },
  };
}

export type AnalyticsLoaders = ReturnType<typeof createAnalyticsLoaders>;
