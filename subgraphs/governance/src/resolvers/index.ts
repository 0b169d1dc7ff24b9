import { auditTrailResolvers, DateScalar } from '@comuna/subgraph-kit';
import type { Resolvers } from '../generated/resolvers-types.js';
import { mutationResolvers } from '../mutations/index.js';
import type { GovernanceRules } from '../rules/config.js';
import type { TerritoryClient } from '../territory/client.js';
import { analyticsResolvers } from './analytics.js';
import { listResolvers } from './lists.js';
import { queryResolvers } from './query.js';
import { territoryResolvers } from './territory.js';
import { typeResolvers } from './types.js';

export function createResolvers(rules: GovernanceRules, territory: TerritoryClient): Resolvers {
  return {
    Date: DateScalar,
    ...typeResolvers,
    ...territoryResolvers,
    Territory: { ...territoryResolvers.Territory, ...analyticsResolvers.Territory },
    Query: { ...queryResolvers, ...listResolvers, ...(auditTrailResolvers('governance') as Resolvers['Query']) },
    Mutation: mutationResolvers(rules, territory),
  };
}
