import { auditTrailResolvers, DateScalar } from '@comuna/subgraph-kit';
import type { BodyDirectory } from '../bodies.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { mutationResolvers } from '../mutations/index.js';
import { analyticsResolvers } from './analytics.js';
import { listResolvers } from './lists.js';
import { queryResolvers } from './query.js';
import { territoryResolvers } from './territory.js';
import { typeResolvers } from './types.js';

export function createResolvers(bodies: BodyDirectory): Resolvers {
  return {
    Date: DateScalar,
    ...typeResolvers,
    ...territoryResolvers,
    Territory: { ...territoryResolvers.Territory, ...analyticsResolvers.Territory },
    Query: { ...queryResolvers, ...listResolvers, ...(auditTrailResolvers('production') as Resolvers['Query']) },
    Mutation: mutationResolvers(bodies),
  };
}
