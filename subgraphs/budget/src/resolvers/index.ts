import { auditTrailResolvers, DateScalar } from '@comuna/subgraph-kit';
import type { Resolvers } from '../generated/resolvers-types.js';
import { mutationResolvers } from '../mutations/index.js';
import { analyticsResolvers } from './analytics.js';
import { figureResolvers } from './figures.js';
import { queryResolvers } from './query.js';
import { typeResolvers } from './types.js';

export function createResolvers(): Resolvers {
  return {
    Date: DateScalar,
    ...typeResolvers,
    ...figureResolvers,
    Territory: { ...figureResolvers.Territory, ...analyticsResolvers.Territory },
    Query: { ...queryResolvers, ...(auditTrailResolvers('budget') as Resolvers['Query']) },
    Mutation: mutationResolvers,
  };
}
