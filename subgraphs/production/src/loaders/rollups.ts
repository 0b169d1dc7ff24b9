import DataLoader from 'dataloader';
import { placeholders, toInt } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { monthWindow } from '../period.js';
import type { CurrencyExchangeRow, PeriodRow, ProductAmountRow, ProductExchangeRow, ScopedTerritory, UnitType } from '../rows.js';
import { inScope, scopeCte } from './scope.js';

type Raw = Record<string, unknown>;
const big = (value: unknown): bigint => BigInt((value as string | number | bigint | null) ?? 0);

/**
 * A DataLoader per distinct argument set (period, product list…), keyed by territory: every territory asking the
 * same question in one request is answered by one statement.
 */
function perArguments<A, V>(registry: Map<string, unknown>[], batch: (args: A, territories: readonly ScopedTerritory[]) => Promise<Map<string, V>>, empty: () => V) {
  const loaders = new Map<string, DataLoader<ScopedTerritory, V, string>>();
  registry.push(loaders);
  return (args: A): DataLoader<ScopedTerritory, V, string> => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader<ScopedTerritory, V, string>(
        async (territories) => {
          const results = await batch(args, territories);
          return territories.map((t) => results.get(t.id) ?? empty());
        },
        { cacheKeyFn: (t) => t.id, maxBatchSize: 1000 },
      );
      loaders.set(key, loader);
    }
    return loader;
  };
}

function grouped<V>(rows: Raw[], map: (row: Raw) => V): Map<string, V[]> {
  const byTerritory = new Map<string, V[]>();
  for (const row of rows) {
    const t = String(row.t);
    byTerritory.set(t, [...(byTerritory.get(t) ?? []), map(row)]);
  }
  return byTerritory;
}

const productAmount = (row: Raw): ProductAmountRow => ({ productId: toInt(row.productId), quantity: big(row.quantity), reports: toInt(row.reports) });

interface Joins {
  reports: string;
  activeUnits: string;
  flows: string;
}

export interface UnitCounts {
  activeUnits: number;
  workers: number;
}

export interface TypeCounts extends UnitCounts {
  type: UnitType;
}

/** Per-request roll-up loaders. Every figure is one GROUP BY statement per batch of territories. */
export function rollupLoaders(em: SqlEntityManager) {
  // Territories with a list of bodies drive the join from the scope by equality (the owner and body indexes do
  // the work; SQLite keeps the left side of a CROSS JOIN outermost); the nation (every body) reads the tables
  // whole. A batch holding both is still one statement: the two halves joined by UNION ALL.
  const run = (territories: readonly ScopedTerritory[], body: (from: Joins) => string, params: unknown[]) => {
    const cte = scopeCte(em, territories);
    const halves = [territories.some((t) => t.bodies !== null) ? LISTED : null, territories.some((t) => t.bodies === null) ? WHOLE : null].filter((j) => j !== null);
    const sql = halves.length === 1 ? body(halves[0]!) : halves.map((j, i) => `select * from (${body(j)}) as half${i}`).join(' union all ');
    return em.execute(`with ${cte.sql} ${sql}`, [cte.param, ...halves.flatMap(() => params)]) as Promise<Raw[]>;
  };
  const LISTED: Joins = {
    reports: `(select * from scope where every = '0') s cross join production_unit u join production_report r on r.unit_id = u.id and u.owner_id = s.body`,
    // `|| ''` keeps SQLite off the status index (without statistics it prefers it to the owner index and reads
    // every active unit of the country for one commune); the value compared is the same.
    activeUnits: `(select * from scope where every = '0') s cross join production_unit u where u.owner_id = s.body and u.status || '' = 'ACTIVE' and u.founded_on <= ?`,
    flows: `(select * from scope where every = '0') s join exchange_flow f on (s.body = f.from_body_id or s.body = f.to_body_id)`,
  };
  const WHOLE: Joins = {
    reports: `(select * from scope where every = '1') s cross join production_report r join production_unit u on u.id = r.unit_id`,
    activeUnits: `(select * from scope where every = '1') s cross join production_unit u where u.status = 'ACTIVE' and u.founded_on <= ?`,
    flows: `(select * from scope where every = '1') s cross join exchange_flow f`,
  };

  // Each flow against each territory of the batch it touches, with whether its two ends lie inside: flows with
  // both ends inside (or outside) are internal to that territory and count neither way.
  const FLOW_ENDS = (j: Joins) => `(
      select s.t as t, f.id as id, f.product_id as product_id, f.quantity as quantity, f.currency as currency,
             (f.quantity * f.price_per_unit + 500) / 1000 as value,
             max(case when ${inScope('f.from_body_id')} then 1 else 0 end) as from_in,
             max(case when ${inScope('f.to_body_id')} then 1 else 0 end) as to_in
      from ${j.flows}
      where f.date between ? and ?
      group by s.t, f.id, f.product_id, f.quantity, f.currency, f.price_per_unit) as marks`;

  const caches: Map<string, unknown>[] = [];
  return {
    /** Forgets every cached figure (the kit calls this after a write). */
    clearAll() {
      for (const cache of caches) cache.clear();
    },
    outputByProduct: perArguments<PeriodRow, ProductAmountRow[]>(caches, async (period, territories) => {
      const { first, last } = monthWindow(period);
      const rows = await run(
        territories,
        (j) => `select s.t as t, r.product_id as "productId", sum(r.quantity) as quantity, count(*) as reports from ${j.reports}
         where r.month between ? and ? group by s.t, r.product_id order by s.t, r.product_id`,
        [first, last],
      );
      return grouped(rows, productAmount);
    }, () => []),

    outputByTypeAndProduct: perArguments<PeriodRow, (ProductAmountRow & { type: UnitType })[]>(caches, async (period, territories) => {
      const { first, last } = monthWindow(period);
      const rows = await run(
        territories,
        (j) => `select s.t as t, u.type as type, r.product_id as "productId", sum(r.quantity) as quantity, count(*) as reports from ${j.reports}
         where r.month between ? and ? group by s.t, u.type, r.product_id order by s.t, u.type, r.product_id`,
        [first, last],
      );
      return grouped(rows, (row) => ({ ...productAmount(row), type: row.type as UnitType }));
    }, () => []),

    unitsByType: perArguments<PeriodRow, TypeCounts[]>(caches, async (period, territories) => {
      const rows = await run(
        territories,
        (j) => `select s.t as t, u.type as type, count(*) as units, coalesce(sum(u.workers), 0) as workers from ${j.activeUnits} group by s.t, u.type order by s.t, u.type`,
        [period.to],
      );
      return grouped(rows, (row) => ({ type: row.type as UnitType, activeUnits: toInt(row.units), workers: toInt(row.workers) }));
    }, () => []),

    units: perArguments<PeriodRow, UnitCounts>(caches, async (period, territories) => {
      const rows = await run(territories, (j) => `select s.t as t, count(*) as units, coalesce(sum(u.workers), 0) as workers from ${j.activeUnits} group by s.t`, [period.to]);
      return new Map(rows.map((row) => [String(row.t), { activeUnits: toInt(row.units), workers: toInt(row.workers) }]));
    }, () => ({ activeUnits: 0, workers: 0 })),

    exchangeByProduct: perArguments<PeriodRow, ProductExchangeRow[]>(caches, async (period, territories) => {
      const rows = await run(
        territories,
        (j) => `
         select t, product_id as "productId",
                sum(case when to_in = 1 and from_in = 0 then quantity else 0 end) as inflow,
                sum(case when from_in = 1 and to_in = 0 then quantity else 0 end) as outflow
         from ${FLOW_ENDS(j)} where from_in <> to_in group by t, product_id order by t, product_id`,
        [period.from, period.to],
      );
      return grouped(rows, (row) => ({ productId: toInt(row.productId), inflow: big(row.inflow), outflow: big(row.outflow) }));
    }, () => []),

    exchangeByCurrency: perArguments<PeriodRow, CurrencyExchangeRow[]>(caches, async (period, territories) => {
      const rows = await run(
        territories,
        (j) => `
         select t, currency,
                sum(case when to_in = 1 and from_in = 0 then value else 0 end) as inflow,
                sum(case when from_in = 1 and to_in = 0 then value else 0 end) as outflow
         from ${FLOW_ENDS(j)} where from_in <> to_in group by t, currency order by t, currency`,
        [period.from, period.to],
      );
      return grouped(rows, (row) => ({ currency: String(row.currency), inflow: big(row.inflow), outflow: big(row.outflow) }));
    }, () => []),

    /** Output of some products converted to thousandths of their dimension's base unit (grams, millilitres, items). */
    totalInBase: perArguments<{ period: PeriodRow; productIds: number[] }, bigint>(caches, async ({ period, productIds }, territories) => {
      const { first, last } = monthWindow(period);
      const rows = await run(
        territories,
        (j) => `select s.t as t, sum(r.quantity * case p.unit when 'KILOGRAM' then 1000 when 'TONNE' then 1000000 when 'LITRE' then 1000 when 'DOZEN' then 12 else 1 end) as total
         from ${j.reports} join product p on p.id = r.product_id
         where r.month between ? and ? and r.product_id in (${placeholders(productIds.length)}) group by s.t`,
        [first, last, ...productIds],
      );
      return new Map(rows.map((row) => [String(row.t), big(row.total)]));
    }, () => 0n),
  };
}

export type RollupLoaders = ReturnType<typeof rollupLoaders>;
