import { keysetPage, parseGlobalId, Where, type PageArgs, type RowTable, type SortDirection } from '@comuna/subgraph-kit';
import type { ProductionContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { monthWindow, validPeriod } from '../period.js';
import { agreementTable, flowTable, productTable, reportTable, unitTable } from '../tables.js';
import { bodyIdFilter } from './filters.js';

/** One page of rows sorted by a fixed column expression, then id; see keysetPage. */
export const page = <R extends { id: number }>(ctx: ProductionContext, table: RowTable<R>, where: Where, args: PageArgs, expression: string, direction: SortDirection) =>
  keysetPage(ctx.em, table, where, args, { expression, direction });


/** `month between` for a period filter on reports. */
export function monthsOf(where: Where, period: { from: string; to: string } | null | undefined, argument: string): Where {
  if (!period) return where;
  const { first, last } = monthWindow(validPeriod(period, argument));
  return where.add('month between ? and ?', first, last);
}

/** The filtered connections of the catalogue, the units, the reports, the flows and the price agreements. */
export const listResolvers: Resolvers['Query'] = {
  products: (_root, { filter, first, after }, ctx) => {
    const where = new Where().equals('unit', filter?.unit).contains('name', filter?.nameContains);
    if (filter?.food != null) where.add(filter.food ? 'food' : 'not food');
    return page(ctx, productTable, where, { first, after }, 'name', 'ASC');
  },
  productionUnits: (_root, { filter, first, after }, ctx) => {
    const where = new Where().equals('type', filter?.type).equals('sector', filter?.sector).equals('status', filter?.status).contains('name', filter?.nameContains);
    bodyIdFilter(where, 'owner_id', filter?.ownerId, 'filter.ownerId');
    if (filter?.productId != null) {
      where.add('id in (select unit_id from unit_product where product_id = ?)', parseGlobalId(filter.productId, 'product', 'filter.productId'));
    }
    return page(ctx, unitTable, where, { first, after }, 'name', 'ASC');
  },
  productionReports: (_root, { filter, first, after }, ctx) => {
    const where = new Where().id('unit_id', filter?.unitId, 'unit', 'filter.unitId').id('product_id', filter?.productId, 'product', 'filter.productId');
    monthsOf(where, filter?.period, 'filter.period');
    if (filter?.ownerId != null) {
      const owner = bodyIdFilter(new Where(), 'owner_id', filter.ownerId, 'filter.ownerId');
      where.add(`unit_id in (select id from production_unit where ${owner.toSql()})`, ...owner.params);
    }
    return page(ctx, reportTable, where, { first, after }, 'month', 'DESC');
  },
  exchangeFlows: (_root, { filter, first, after }, ctx) => {
    const where = new Where().id('product_id', filter?.productId, 'product', 'filter.productId');
    if (filter?.bodyId != null) {
      bodyIdFilter(new Where(), 'x', filter.bodyId, 'filter.bodyId');
      where.add('(from_body_id = ? or to_body_id = ?)', filter.bodyId, filter.bodyId);
    }
    if (filter?.period) {
      const period = validPeriod(filter.period, 'filter.period');
      where.add('date between ? and ?', period.from, period.to);
    }
    return page(ctx, flowTable, where, { first, after }, 'date', 'DESC');
  },
  priceAgreements: (_root, { filter, first, after }, ctx) => {
    const where = new Where().id('product_id', filter?.productId, 'product', 'filter.productId');
    bodyIdFilter(where, 'body_id', filter?.bodyId, 'filter.bodyId');
    if (filter?.validOn != null) where.add("valid_from <= ? and (valid_to is null or valid_to >= ?)", filter.validOn, filter.validOn);
    return page(ctx, agreementTable, where, { first, after }, 'valid_from', 'DESC');
  },
};
