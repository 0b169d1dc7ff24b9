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

/** One group of the registry's counts: bodies of a state, status and kind (null where the table has no kind). */
interface CountGroup {
  stateId: number;
  status: string;
  kind: string | null;
  bodies: number;
  registered: number;
}

/**
 * Every figure but the registrations comes from one grouped scan per statistics object (a dashboard asks for
 * five or six figures; one scan each read the 47,000 councils five times: ~18 ms against ~4 ms for the one
 * grouped scan on SQLite, which an index by state, status, kind and registration date covers). Keyed by the
 * object the query field returned, so each alias of a request counts once and nothing outlives the request.
 */
const countGroups = new WeakMap<RegistryStatisticsRow, Promise<CountGroup[]>>();

function groupsOf(ctx: TerritoryContext, stats: RegistryStatisticsRow): Promise<CountGroup[]> {
  let groups = countGroups.get(stats);
  if (!groups) {
    groups = ctx.em
      .execute(
        `select ${stats.stateColumn} as state_id, status, ${stats.kindColumn ?? 'null'} as kind, count(*) as n, count(registered_on) as registered
         from ${stats.table} where ${stats.where} group by ${stats.stateColumn}, status${stats.kindColumn ? `, ${stats.kindColumn}` : ''}`,
        stats.params,
      )
      .then((rows) =>
        rows.map((r) => ({ stateId: toInt(r.state_id), status: String(r.status), kind: r.kind === null ? null : String(r.kind), bodies: toInt(r.n), registered: toInt(r.registered) })),
      );
    countGroups.set(stats, groups);
  }
  return groups;
}

const sum = (groups: CountGroup[], pick: (g: CountGroup) => number) => groups.reduce((n, g) => n + pick(g), 0);

/** Bodies counted under each value of `key`, ordered by value (the codes are ASCII: as SQL orders them). */
function countsBy(groups: CountGroup[], key: (g: CountGroup) => string) {
  const counts = new Map<string, number>();
  for (const g of groups) counts.set(key(g), (counts.get(key(g)) ?? 0) + g.bodies);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, count]) => ({ key: k, count }));
}

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
    total: async (stats, _args, ctx) => sum(await groupsOf(ctx, stats), (g) => g.bodies),
    registered: async (stats, _args, ctx) => sum(await groupsOf(ctx, stats), (g) => g.registered),
    active: async (stats, _args, ctx) => sum(await groupsOf(ctx, stats), (g) => (g.status === 'ACTIVE' ? g.bodies : 0)),
    byStatus: async (stats, _args, ctx) => countsBy(await groupsOf(ctx, stats), (g) => g.status),
    byKind: async (stats, _args, ctx) => {
      const groups = await groupsOf(ctx, stats);
      if (!stats.kindColumn) return [{ key: stats.bodyType, count: sum(groups, (g) => g.bodies) }];
      return countsBy(groups, (g) => g.kind!);
    },
    byState: async (stats, _args, ctx) => {
      const [groups, states] = await Promise.all([groupsOf(ctx, stats), ctx.em.execute('select id from state order by name, id')]);
      const counted = new Map<number, { count: number; active: number }>();
      for (const g of groups) {
        const c = counted.get(g.stateId) ?? { count: 0, active: 0 };
        c.count += g.bodies;
        if (g.status === 'ACTIVE') c.active += g.bodies;
        counted.set(g.stateId, c);
      }
      // Every state is listed, zero included, so dashboards can draw a complete map.
      return states.map((s) => {
        const stateId = toInt(s.id);
        return { stateId, count: counted.get(stateId)?.count ?? 0, active: counted.get(stateId)?.active ?? 0 };
      });
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
