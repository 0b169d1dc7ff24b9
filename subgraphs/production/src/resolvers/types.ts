import { fromScaled, pageWindow, toGlobalId, tryParseGlobalId } from '@comuna/subgraph-kit';
import type { ProductionContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { monthWindow, validPeriod } from '../period.js';
import type { ProductRow, ProvenanceRow, WithProduct } from '../rows.js';
import { lineValue, MONEY_SCALE, quantity } from '../units.js';

const provenance = (row: ProvenanceRow): ProvenanceRow => row;
const money = (cents: bigint, currency: string) => ({ amount: fromScaled(cents, MONEY_SCALE), currency });
const owner = (id: string) => ({ __typename: 'Territory' as const, id });

/** A product every report or flow points at; the catalogue is never deleted from, so a miss is a bug. */
export async function productOf(ctx: ProductionContext, id: number): Promise<ProductRow> {
  const product = await ctx.loaders.product.load(id);
  if (!product) throw new Error(`product:${id} is referenced but missing`);
  return product;
}

/** Attaches each row's product (from the request's catalogue, read once) so its fields resolve synchronously. */
export async function withProducts<R extends { productId: number }>(ctx: ProductionContext, rows: R[] | Promise<R[]>): Promise<WithProduct<R>[]> {
  const [list, byId] = await Promise.all([rows, ctx.loaders.productsById()]);
  return list.map((row) => {
    const product = byId.get(row.productId);
    if (!product) throw new Error(`product:${row.productId} is referenced but missing`);
    return { ...row, product };
  });
}

/** Field resolvers of production's own types; every relation goes through a loader. */
export const typeResolvers: Resolvers = {
  Product: {
    __resolveReference: async (ref, ctx) => {
      const key = tryParseGlobalId(String(ref.id), 'product');
      return (key === undefined ? null : ctx.loaders.product.load(key)) as never;
    },
    id: (row) => toGlobalId('product', row.id),
    monthlyNeedPerPerson: (row) => (row.monthlyNeedPerPerson === null ? null : quantity(row.monthlyNeedPerPerson, row.unit)),
    provenance,
  },
  ProductionUnit: {
    __resolveReference: async (ref, ctx) => {
      const key = tryParseGlobalId(String(ref.id), 'unit');
      return (key === undefined ? null : ctx.loaders.unit.load(key)) as never;
    },
    id: (row) => toGlobalId('unit', row.id),
    owner: (row) => owner(row.ownerId),
    products: async (row, _args, ctx) => (await ctx.loaders.productsOfUnit.load(row.id)).map((link) => link.product),
    reports: (row, args, ctx) => {
      const { limit, after } = pageWindow(args);
      const window = args.period ? monthWindow(validPeriod(args.period)) : null;
      return ctx.loaders.unitReports({ first: window?.first ?? null, last: window?.last ?? null, limit, after }).load(row.id);
    },
    provenance,
  },
  ProductionReport: {
    id: (row) => toGlobalId('report', row.id),
    unit: async (row, _args, ctx) => (await ctx.loaders.unit.load(row.unitId))!,
    product: (row, _args, ctx) => productOf(ctx, row.productId),
    quantity: async (row, _args, ctx) => quantity(row.quantity, (await productOf(ctx, row.productId)).unit),
    history: async (row, _args, ctx) => ctx.loaders.revisions.load(row.id),
    provenance,
  },
  ProductionReportRevision: {
    quantity: (row) => quantity(row.quantity, row.unit),
  },
  ExchangeFlow: {
    id: (row) => toGlobalId('flow', row.id),
    product: (row, _args, ctx) => productOf(ctx, row.productId),
    quantity: async (row, _args, ctx) => quantity(row.quantity, (await productOf(ctx, row.productId)).unit),
    fromUnit: (row, _args, ctx) => (row.fromUnitId === null ? null : ctx.loaders.unit.load(row.fromUnitId)),
    pricePerUnit: (row) => money(row.pricePerUnit, row.currency),
    value: (row) => money(lineValue(row.quantity, row.pricePerUnit), row.currency),
    priceAgreement: (row, _args, ctx) => (row.priceAgreementId === null ? null : ctx.loaders.agreement.load(row.priceAgreementId)),
    provenance,
  },
  PriceAgreement: {
    id: (row) => toGlobalId('price', row.id),
    product: (row, _args, ctx) => productOf(ctx, row.productId),
    unitCost: (row) => money(row.unitCost, row.currency),
    price: (row) => money(row.price, row.currency),
    provenance,
  },
  ProductionProvenance: {
    synthetic: (row) => row.syntheticFields.length > 0,
  },
};
