import type { Resolvers } from '../generated/resolvers-types.js';
import { bucketSpans } from '@comuna/subgraph-kit';
import { ratio } from '../rules/ratio.js';

/**
 * Governance's part of the federated analytics (issue 10, ADR 0005): the date of the last quorate assembly,
 * a fact territory's activity rule requires, and assemblies as a time series. Both over the `scope` the gateway
 * sends along, one aggregate per batch.
 */
export const analyticsResolvers: Pick<Resolvers, 'Territory'> = {
  Territory: {
    lastQuorateAssemblyOn: (ref, _args, ctx) => ctx.loaders.analytics.lastQuorate.load(ref),
    quorateAssemblyMonths: (ref, _args, ctx) => ctx.loaders.analytics.quorateMonths.load(ref),
    governanceDashboardFacts: (ref, _args, ctx) => (typeof ref.dashboardScopes === 'string' ? ctx.loaders.analytics.dashboardFacts.load({ key: ref.id, scopes: ref.dashboardScopes }) : null),
    governanceTrend: async (ref, { period, bucket }, ctx) => {
      const spans = bucketSpans(period, bucket);
      const counts = await ctx.loaders.analytics.trend.load({ territory: ref, from: period.from, to: period.to, bucket });
      return spans.map((span) => {
        const c = counts.get(span.label) ?? { held: 0, quorate: 0 };
        return { period: span.label, from: span.from, to: span.to, assembliesHeld: c.held, quorateAssemblies: c.quorate, quorumRate: ratio(c.quorate, c.held, 100) };
      });
    },
  },
};
