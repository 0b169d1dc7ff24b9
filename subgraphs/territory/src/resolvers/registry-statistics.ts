import { badInput, toInt, Where } from '@comuna/subgraph-kit';
import type { TerritoryContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { RegistryStatisticsRow } from '../rows.js';

const BODY_TABLES: Record<RegistryStatisticsRow['bodyType'], Pick<RegistryStatisticsRow, 'table' | 'stateColumn' | 'kindColumn'>> = {
  COMMUNAL_COUNCIL: { table: 'communal_council', stateColumn: 'state_id', kindColumn: 'setting' },
  COMMUNE: { table: 'commune', stateColumn: 'seat_state_id', kindColumn: 'kind' },
  COMMUNAL_CITY: { table: 'communal_city', stateColumn: 'seat_state_id', kindColumn: null },
  COMMUNAL_CIRCUIT: { table: 'communal_circuit', stateColumn: 'state_id', kindColumn: null },
};

const BUCKETS = {
  YEAR: 'substr(registered_on, 1, 4)',
  MONTH: 'substr(registered_on, 1, 7)',
  QUARTER: "substr(registered_on, 1, 4) || '-Q' || cast((cast(substr(registered_on, 6, 2) as integer) + 2) / 3 as varchar(1))",
} as const;

async function rows(ctx: TerritoryContext, stats: RegistryStatisticsRow, select: string, groupBy?: string) {
  return ctx.em.execute(
    `select ${select} from ${stats.table} where ${stats.where}${groupBy ? ` group by ${groupBy} order by ${groupBy}` : ''}`,
    stats.params,
  );
}

/** Each figure is its own GROUP BY, run only when asked for. */
export const registryStatisticsResolvers: Pick<Resolvers, 'RegistryStatistics' | 'StateCount'> & { Query: Resolvers['Query'] } = {
  Query: {
    registryStatistics: (_root, { filter }) => {
      const bodyType = filter?.bodyType ?? 'COMMUNE';
      const table = BODY_TABLES[bodyType];
      if (filter?.registeredFrom && filter.registeredTo && filter.registeredFrom > filter.registeredTo) {
        throw badInput('registeredFrom is after registeredTo', { argument: 'filter.registeredFrom' });
      }
      const where = new Where().id(table.stateColumn, filter?.stateId, 'state', 'filter.stateId');
      if (filter?.registeredFrom) where.add('registered_on >= ?', filter.registeredFrom);
      if (filter?.registeredTo) where.add('registered_on <= ?', filter.registeredTo);
      return { bodyType, ...table, where: where.toSql(), params: where.params };
    },
  },
  RegistryStatistics: {
    total: async (stats, _args, ctx) => toInt((await rows(ctx, stats, 'count(*) as n'))[0]!.n),
    registered: async (stats, _args, ctx) => toInt((await rows(ctx, stats, 'count(registered_on) as n'))[0]!.n),
    active: async (stats, _args, ctx) => toInt((await rows(ctx, stats, "coalesce(sum(case when status = 'ACTIVE' then 1 else 0 end), 0) as n"))[0]!.n),
    byStatus: async (stats, _args, ctx) =>
      (await rows(ctx, stats, 'status as key, count(*) as n', 'status')).map((r) => ({ key: String(r.key), count: toInt(r.n) })),
    byKind: async (stats, _args, ctx) => {
      if (!stats.kindColumn) return [{ key: stats.bodyType, count: toInt((await rows(ctx, stats, 'count(*) as n'))[0]!.n) }];
      return (await rows(ctx, stats, `${stats.kindColumn} as key, count(*) as n`, stats.kindColumn)).map((r) => ({ key: String(r.key), count: toInt(r.n) }));
    },
    byState: async (stats, _args, ctx) => {
      // Every state is listed, zero included, so dashboards can draw a complete map.
      const counted = await ctx.em.execute(
        `select s.id as "stateId", count(b.id) as n, coalesce(sum(case when b.status = 'ACTIVE' then 1 else 0 end), 0) as active
         from state s left join (select id, status, ${stats.stateColumn} as state_id from ${stats.table} where ${stats.where}) b on b.state_id = s.id
         group by s.id, s.name order by s.name`,
        stats.params,
      );
      return counted.map((r) => ({ stateId: toInt(r.stateId), count: toInt(r.n), active: toInt(r.active) }));
    },
    registrations: async (stats, { bucket }, ctx) => {
      const period = BUCKETS[bucket];
      const found = await ctx.em.execute(
        `select ${period} as period, count(*) as n from ${stats.table} where ${stats.where} and registered_on is not null group by ${period} order by ${period}`,
        stats.params,
      );
      return found.map((r) => ({ period: String(r.period), count: toInt(r.n) }));
    },
  },
  StateCount: {
    state: async (row, _args, ctx) => (await ctx.loaders.state.load(row.stateId))!,
  },
};
