import { keysetPage, Where, type PageArgs, type RowTable, type SortDirection } from '@comuna/subgraph-kit';
import { cityTable, circuitTable, communeTable, councilTable } from '../bodies.js';
import type { TerritoryContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { AnyBodyRow } from '../rows.js';

type SortField = 'NAME' | 'CODE' | 'REGISTERED_ON' | 'POPULATION';
interface Order {
  field: SortField;
  direction: SortDirection;
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

/** One page of bodies, sorted as asked (ties broken by id); see keysetPage. */
function page<R extends AnyBodyRow>(ctx: TerritoryContext, table: RowTable<R>, where: Where, args: PageArgs & { orderBy?: Partial<Order> | null }) {
  const order: Order = { field: args.orderBy?.field ?? 'NAME', direction: args.orderBy?.direction ?? 'ASC' };
  return keysetPage(ctx.em, table, where, args, { expression: sortExpression(table.table, order.field), direction: order.direction, numeric: order.field === 'POPULATION' });
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
