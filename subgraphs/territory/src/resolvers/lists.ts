import { keysetCondition, pageWindow, toConnection, type PageArgs, type SortDirection } from '@comuna/subgraph-kit';
import { cityTable, circuitTable, communeTable, councilTable } from '../bodies.js';
import type { TerritoryContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { AnyBodyRow } from '../rows.js';
import { Where } from './filters.js';

type SortField = 'NAME' | 'CODE' | 'REGISTERED_ON' | 'POPULATION';
interface Order {
  field: SortField;
  direction: SortDirection;
}

interface Table<R> {
  table: string;
  columns: string;
  map(raw: Record<string, unknown>): R;
}

/** Sort expressions by field; never NULL, so keyset cursors compare cleanly. */
function sortExpression(table: string, field: SortField): string {
  switch (field) {
    case 'NAME':
      return 'name';
    case 'CODE':
      return 'code';
    case 'REGISTERED_ON':
      return "coalesce(registered_on, '')";
    case 'POPULATION':
      if (table === 'communal_council') return 'population';
      if (table === 'commune') return `(select coalesce(sum(cc.population), 0) from communal_council cc where cc.commune_id = ${table}.id)`;
      if (table === 'communal_circuit') return `(select coalesce(sum(cc.population), 0) from communal_council cc where cc.circuit_id = ${table}.id)`;
      return `(select coalesce(sum(cc.population), 0) from communal_council cc join commune c on c.id = cc.commune_id where c.communal_city_id = ${table}.id)`;
  }
}

/**
 * One page of bodies: two statements whatever the page size (the page, and the total count). The page is
 * read by keyset, so deep pages cost the same as the first and stay stable while bodies are added.
 */
async function page<R extends AnyBodyRow>(ctx: TerritoryContext, table: Table<R>, where: Where, args: PageArgs & { orderBy?: Partial<Order> | null }) {
  const { limit, after } = pageWindow(args);
  const order: Order = { field: args.orderBy?.field ?? 'NAME', direction: args.orderBy?.direction ?? 'ASC' };
  const sort = sortExpression(table.table, order.field);
  const pageWhere = after ? `${where.toSql()} and ${keysetCondition(sort, 'id', order.direction, after).sql}` : where.toSql();
  const pageParams = after ? [...where.params, ...keysetCondition(sort, 'id', order.direction, after).params] : where.params;
  const [rows, count] = await Promise.all([
    limit === 0
      ? Promise.resolve([])
      : ctx.em.execute(
          `select ${table.columns}, ${sort} as "sortValue" from ${table.table} where ${pageWhere} order by ${sort} ${order.direction}, id ${order.direction} limit ?`,
          [...pageParams, limit + 1],
        ),
    ctx.em.execute(`select count(*) as n from ${table.table} where ${where.toSql()}`, where.params),
  ]);
  const sortValues = new Map<number, string | number>();
  const mapped = rows.map((raw) => {
    const row = table.map(raw);
    const value = raw.sortValue as string | number;
    sortValues.set(row.id, typeof value === 'bigint' ? Number(value) : order.field === 'POPULATION' ? Number(value) : value);
    return row;
  });
  return toConnection(mapped, limit, Number(count[0]!.n), (row) => sortValues.get(row.id) ?? null);
}

/** The filtered, sorted connections of the registry. */
export const listResolvers: Resolvers['Query'] = {
  communalCouncils: (_root, { filter, orderBy, first, after }, ctx) => {
    const where = new Where()
      .id('state_id', filter?.stateId, 'state', 'filter.stateId')
      .id('parish_id', filter?.parishId, 'parish', 'filter.parishId')
      .id('commune_id', filter?.communeId, 'commune', 'filter.communeId')
      .id('circuit_id', filter?.circuitId, 'circuit', 'filter.circuitId')
      .equals('setting', filter?.setting)
      .oneOf('status', filter?.status)
      .contains('name', filter?.nameContains);
    if (filter?.withoutCommune != null) where.add(filter.withoutCommune ? 'commune_id is null' : 'commune_id is not null');
    return page(ctx, councilTable, where, { first, after, orderBy });
  },
  communes: (_root, { filter, orderBy, first, after }, ctx) => {
    const where = new Where()
      .id('seat_state_id', filter?.stateId, 'state', 'filter.stateId')
      .id('communal_city_id', filter?.communalCityId, 'city', 'filter.communalCityId')
      .equals('kind', filter?.kind)
      .oneOf('status', filter?.status)
      .contains('name', filter?.nameContains);
    return page(ctx, communeTable, where, { first, after, orderBy });
  },
  communalCities: (_root, { filter, orderBy, first, after }, ctx) =>
    page(ctx, cityTable, new Where().oneOf('status', filter?.status).contains('name', filter?.nameContains), { first, after, orderBy }),
  communalCircuits: (_root, { filter, orderBy, first, after }, ctx) =>
    page(ctx, circuitTable, new Where().oneOf('status', filter?.status).contains('name', filter?.nameContains), { first, after, orderBy }),
};
