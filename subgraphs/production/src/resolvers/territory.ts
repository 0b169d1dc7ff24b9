import { badInput, fromScaled, notFound, parseGlobalId } from '@comuna/subgraph-kit';
import { UNIT_TYPES } from '../entities/production-unit.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { scoped } from '../loaders/scope.js';
import { monthWindow, validPeriod } from '../period.js';
import { assertCompatible, fromBase, MONEY_SCALE, quantity } from '../units.js';
import { withProducts } from './types.js';

/** output ÷ need to three places, rounded half up; null when nothing is needed. */
function ratio(output: bigint, need: bigint): string | null {
  if (need === 0n) return null;
  return fromScaled((output * 2000n + need) / (2n * need), 3);
}

/**
 * Production's figures on every territorial level (`Territory` is an @interfaceObject here). The gateway sends
 * each territory's scope along (@requires); every figure is one batched SQL aggregate over those scopes.
 */
export const territoryResolvers: Resolvers = {
  Territory: {
    production: (ref, { period }) => ({ territory: scoped(ref), period: validPeriod(period) }),
    foodSelfSufficiency: async (ref, { period }, ctx) => {
      const territory = scoped(ref);
      const checked = validPeriod(period);
      if (ref.census?.population === undefined) throw badInput(`Territory ${ref.id} came without its population; ask through the gateway`);
      const months = BigInt(monthWindow(checked).months);
      const [products, outputs] = await Promise.all([
        ctx.loaders.foodProducts(),
        ctx.loaders.rollups.outputByProduct(checked).load(territory),
      ]);
      const byProduct = new Map(outputs.map((o) => [o.productId, o.quantity]));
      const population = BigInt(ref.census.population);
      return products.map((p) => ({ productId: p.id, product: p, output: byProduct.get(p.id) ?? 0n, need: population * p.monthlyNeedPerPerson! * months }));
    },
  },
  ProductionFigures: {
    from: (row) => row.period.from,
    to: (row) => row.period.to,
    outputByProduct: (row, _args, ctx) => withProducts(ctx, ctx.loaders.rollups.outputByProduct(row.period).load(row.territory)),
    outputByUnitType: async (row, _args, ctx) => {
      const counts = await ctx.loaders.rollups.unitsByType(row.period).load(row.territory);
      return UNIT_TYPES.map((type) => {
        const found = counts.find((c) => c.type === type);
        return { territory: row.territory, period: row.period, type, activeUnits: found?.activeUnits ?? 0, workers: found?.workers ?? 0 };
      });
    },
    activeUnits: async (row, _args, ctx) => (await ctx.loaders.rollups.units(row.period).load(row.territory)).activeUnits,
    workers: async (row, _args, ctx) => (await ctx.loaders.rollups.units(row.period).load(row.territory)).workers,
    exchange: (row) => row,
    total: async (row, { productIds, unit }, ctx) => {
      if (productIds.length === 0 || productIds.length > 100) throw badInput('productIds takes 1 to 100 product ids', { argument: 'productIds' });
      const ids = [...new Set(productIds.map((id) => parseGlobalId(id, 'product', 'productIds')))].sort((a, b) => a - b);
      const products = await ctx.loaders.product.loadMany(ids);
      const missing = ids.filter((_id, i) => !products[i] || products[i] instanceof Error);
      if (missing.length) throw notFound(`No product with id ${missing.map((id) => `product:${id}`).join(', ')}`, { argument: 'productIds' });
      assertCompatible(unit, products.map((p) => p as { name: string; unit: typeof unit }), 'productIds');
      return fromBase(await ctx.loaders.rollups.totalInBase({ period: row.period, productIds: ids }).load(row.territory), unit, 'unit');
    },
  },
  UnitTypeOutput: {
    output: async (row, _args, ctx) => withProducts(ctx, (await ctx.loaders.rollups.outputByTypeAndProduct(row.period).load(row.territory)).filter((o) => o.type === row.type)),
  },
  ProductOutput: {
    product: (row) => row.product,
    quantity: (row) => quantity(row.quantity, row.product.unit),
  },
  ExchangeBalance: {
    byProduct: (row, _args, ctx) => withProducts(ctx, ctx.loaders.rollups.exchangeByProduct(row.period).load(row.territory)),
    byCurrency: (row, _args, ctx) => ctx.loaders.rollups.exchangeByCurrency(row.period).load(row.territory),
  },
  ProductExchange: {
    product: (row) => row.product,
    inflow: (row) => quantity(row.inflow, row.product.unit),
    outflow: (row) => quantity(row.outflow, row.product.unit),
    net: (row) => quantity(row.inflow - row.outflow, row.product.unit),
  },
  CurrencyExchange: {
    inflow: (row) => ({ amount: fromScaled(row.inflow, MONEY_SCALE), currency: row.currency }),
    outflow: (row) => ({ amount: fromScaled(row.outflow, MONEY_SCALE), currency: row.currency }),
    net: (row) => ({ amount: fromScaled(row.inflow - row.outflow, MONEY_SCALE), currency: row.currency }),
  },
  FoodSufficiency: {
    product: (row) => row.product,
    output: (row) => quantity(row.output, row.product.unit),
    need: (row) => quantity(row.need, row.product.unit),
    ratio: (row) => ratio(row.output, row.need),
  },
};
