import { auditTrailResolvers, DateScalar, JSONObjectScalar } from '@comuna/subgraph-kit';
import type { Resolvers } from '../generated/resolvers-types.js';
import { mutationResolvers } from '../mutations/index.js';
import type { RegistryRules } from '../registry/rules-config.js';
import { activityDefaults } from '../analytics/rule-config.js';
import { analyticsResolvers } from './analytics.js';
import { listResolvers } from './lists.js';
import { queryResolvers } from './query.js';
import { registryStatisticsResolvers } from './registry-statistics.js';
import { typeResolvers } from './types.js';

export function createResolvers(rules: RegistryRules): Resolvers {
  const analytics = analyticsResolvers(activityDefaults(rules));
  return {
    Date: DateScalar,
    JSONObject: JSONObjectScalar,
    ...typeResolvers,
    ...Object.fromEntries(Object.entries(analytics).map(([type, fields]) => [type, { ...typeResolvers[type as keyof typeof analytics], ...fields }])),
    RegistryStatistics: registryStatisticsResolvers.RegistryStatistics,
    StateCount: registryStatisticsResolvers.StateCount,
    Query: { ...queryResolvers, ...listResolvers, ...registryStatisticsResolvers.Query, ...(auditTrailResolvers('territory') as Resolvers['Query']) },
    Mutation: mutationResolvers(rules),
  };
}
