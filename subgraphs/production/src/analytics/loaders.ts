import type { SqlEntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import { scopeCte, statesCte, summarised } from '../loaders/scope.js';
import { monthWindow } from '../period.js';
import type { ScopedTerritory } from '../rows.js';
import { bucketSql, communeMonthsByLevel, dashboardFactsText, levelScopeCte, monthListSql, monthsByKey, type LevelScopes, type TrendBucket } from '@comuna/subgraph-kit';
import { currentMonth } from '../period.js';

export interface FoodTrendKey {
  territory: ScopedTerritory;
  from: string;
  to: string;
  bucket: TrendBucket;
}
/** Output per bucket label, then per product id, in thousandths of the product's unit. */
export type BucketOutputs = Map<string, Map<number, bigint>>;

/** How a statement reads the reports: joined to a batch's scope, or all of them for the nation. */
interface ReportSource {
  /** The `from` clause: reports `r` (with their units `u` when scoped). */
  from: string;
  /** The territory column (a constant for the nation). */
  key: string;
  /** `group by` the territory plus `extra` (the nation is one group, with no territory column). */
  groupBy(extra?: string): string;
}

const big = (value: unknown): bigint => BigInt((value as string | number | bigint | null) ?? 0);
export const foodTrendKey = (k: FoodTrendKey) => `${k.territory.id}|${k.from}|${k.to}|${k.bucket}`;

/**
 * Per-request loaders of the analytics facts and trends. They sit in the request's loader set (as `analytics`), so
 * the write gate's resetLoaders() clears them with the others: a read after a write in one request sees the write.
 */
export function createAnalyticsLoaders(em: SqlEntityManager) {
  /**
   * One statement for the batch's listed scopes (and states, expanded to their bodies), driven by the scope through
   * the unit owner index, and one for the nation over every report, its rows given to each nation territory. One
   * join condition `s.every = '1' or s.body = u.owner_id` would defeat the index and read every report once per
   * scope row (seconds per commune at national scale).
   */
  const run = async (territories: readonly ScopedTerritory[], body: (source: ReportSource) => string, params: unknown[]) => {
    const runs: Promise<Record<string, unknown>[]>[] = [];
    const listed = territories.filter((t) => t.bodies !== null);
    if (listed.length) {
      const cte = scopeCte(em, listed);
      const from = 'scope s join production_unit u on u.owner_id = s.body join production_report r on r.unit_id = u.id';
      runs.push(em.execute(`with ${cte.sql} ${body({ from, key: 's.t', groupBy: (extra) => `group by s.t${extra ? `, ${extra}` : ''}` })}`, [cte.param, ...params]));
    }
    const nation = territories.filter((t) => t.bodies === null);
    if (nation.length) {
      const sql = body({ from: 'production_report r', key: "'*'", groupBy: (extra) => (extra ? `group by ${extra}` : '') });
      runs.push(em.execute(sql, params).then((rows) => nation.flatMap((t) => rows.map((row) => ({ ...row, t: t.id, k: t.id })))));
    }
    return (await Promise.all(runs)).flat();
  };
  /**
   * Output per bucket and product of states and the nation from the state summaries (ADR 0003) instead of their
   * ~1.9 M reports: one statement for the states of a batch (by the summary's key), one for the nation (every
   * state's rows, the unknown state '' included).
   */
  const summaryOutput = async (territories: readonly ScopedTerritory[], bucket: TrendBucket, first: string, last: string) => {
    const label = bucketSql('o.month', bucket);
    const runs: Promise<Record<string, unknown>[]>[] = [];
    const states = territories.filter((t) => t.bodies !== null);
    if (states.length) {
      const cte = statesCte(em, states);
      runs.push(em.execute(
        `with ${cte.sql} select st.t as t, ${label} as p, o.product_id as product, sum(o.quantity) as quantity
         from st join production_state_output o on o.state_id = st.state where o.month between ? and ? group by st.t, ${label}, o.product_id`,
        [cte.param, first, last],
      ));
    }
    const nation = territories.filter((t) => t.bodies === null);
    if (nation.length) {
      const all = em.execute(
        `select ${label} as p, o.product_id as product, sum(o.quantity) as quantity from production_state_output o where o.month between ? and ? group by ${label}, o.product_id`,
        [first, last],
      );
      runs.push(all.then((rows) => nation.flatMap((t) => rows.map((row) => ({ ...row, t: t.id })))));
    }
    return (await Promise.all(runs)).flat();
  };
  const loaders = {
    /** Latest month with any report per territory: one aggregate per part of the batch (listed, nation). */
    lastReportedMonth: new DataLoader<ScopedTerritory, string | null, string>(
      async (territories) => {
        const rows = await run(territories, (src) => `select ${src.key} as t, max(r.month) as m from ${src.from} ${src.groupBy()}`, []);
        const byId = new Map(rows.map((r) => [String(r.t), r.m === null ? null : `${String(r.m)}-01`]));
        return territories.map((t) => byId.get(t.id) ?? null);
      },
      { cacheKeyFn: (t) => t.id, maxBatchSize: 1000 },
    ),
    /** Months reported (first days, ascending, up to the current month) per territory: one GROUP BY per part. */
    reportedMonths: new DataLoader<ScopedTerritory, string[], string>(
      async (territories) => {
        const rows = await run(territories, (src) => `select ${src.key} as k, r.month as m from ${src.from} where r.month <= ? ${src.groupBy('r.month')}`, [currentMonth()]);
        return monthsByKey(rows, territories.map((t) => t.id));
      },
      { cacheKeyFn: (t) => t.id, maxBatchSize: 1000 },
    ),
    /**
     * Per commune of each dashboard level (ADR 0005, "Dashboards by level"): the latest month reported and the
     * months reported up to the current one, as the facts text territory reads. One GROUP BY commune over
     * the reports per (body, month) summary rather than the reports themselves (half the rows, no unit join).
     */
    dashboardFacts: new DataLoader<LevelScopes, string, string>(
      async (levels) => {
        const cte = levelScopeCte(em, levels);
        const rows = await em.execute(
          `with ${cte.sql} select d.k as k, ${monthListSql(em, 'case when m.month <= ? then m.month end')} as months, max(m.month) || '-01' as last
           from d join production_body_months m on m.body_id = d.b and m.reports > 0 group by d.k`,
          [...cte.params, currentMonth()],
        );
        const byLevel = communeMonthsByLevel(rows);
        return levels.map((level) => dashboardFactsText(level.scopes, byLevel.get(level.key)));
      },
      { cacheKeyFn: (level) => level.key, maxBatchSize: 1000 },
    ),
    /** Output per (territory, bucket, product): one GROUP BY per bucket size, period and part (listed bodies, states, nation) in the batch. */
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
            const territories = group.map((k) => k.territory);
            const rows = [
              ...(await run(
                territories.filter((t) => !summarised(t)),
                (src) => `select ${src.key} as t, ${label} as p, r.product_id as product, sum(r.quantity) as quantity from ${src.from}
                 where r.month between ? and ? ${src.groupBy(`${label}, r.product_id`)}`,
                [first, last],
              )),
              ...(await summaryOutput(territories.filter(summarised), bucket, first, last)),
            ];
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
