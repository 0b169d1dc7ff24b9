import { tryParseGlobalId } from '@comuna/subgraph-kit';
import type { Resolvers } from '../generated/resolvers-types.js';

/** Lookups by id: a malformed or unknown id finds nothing rather than failing the whole query. */
export const queryResolvers: Resolvers['Query'] = {
  product: (_root, { id }, ctx) => {
    const key = tryParseGlobalId(id, 'product');
    return key === undefined ? null : ctx.loaders.product.load(key);
  },
  productionUnit: (_root, { id }, ctx) => {
    const key = tryParseGlobalId(id, 'unit');
    return key === undefined ? null : ctx.loaders.unit.load(key);
  },
};
