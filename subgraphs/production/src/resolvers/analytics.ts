import { badInput } from '@comuna/subgraph-kit';
import { bucketSpans } from '@comuna/subgraph-kit';
import type { Resolvers } from '../generated/resolvers-types.js';
import { scoped } from '../loaders/scope.js';
import { validPeriod } from '../period.js';

/**
 * Production's part of the federated analytics (issue 10, ADR 0005): the latest month reported, a fact territory's
 * activity rule requires, and food self-sufficiency as a time series. Both over the scope (and, for the trend,
 * the population) the gateway sends along; one aggregate per batch.
 */
export const analyticsResolvers: Pick<Resolvers, 'Territory'> = {
  Territory: {
    lastReportedMonth: (ref, _args, ctx) => ctx.loaders.analytics.lastReportedMonth.load(scoped(ref)),
    reportedMonths: (ref, _args, ctx) => ctx.loaders.analytics.reportedMonths.load(scoped(ref)),
    productionDashboardFacts: (ref, _args, ctx) => (typeof ref.dashboardScopes === 'string' ? ctx.loaders.analytics.dashboardFacts.load({ key: ref.id, scopes: ref.dashboardScopes }) : null),
    foodTrend: async (ref, { period, bucket }, ctx) => {
      const territory = scoped(ref);
      const checked = validPeriod(period);
      if (ref.census?.population === undefined) throw badInput(`Territory ${ref.id} came without its population; ask through the gateway`);
      const spans = bucketSpans(checked, bucket);
      const [products, outputs] = await Promise.all([
        ctx.loaders.foodProducts(),
        ctx.loaders.analytics.foodTrend.load({ territory, from: checked.from, to: checked.to, bucket }),
      ]);
      const population = BigInt(ref.census.population);
      return spans.map((span) => ({
        period: span.label,
        from: span.from,
        to: span.to,
        months: span.months,
        foods: products.map((p) => ({
          productId: p.id,
          product: p,
          output: outputs.get(span.label)?.get(p.id) ?? 0n,
          need: population * p.monthlyNeedPerPerson! * BigInt(span.months),
        })),
      }));
    },
  },
};
