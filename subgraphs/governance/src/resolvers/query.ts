import { tryParseGlobalId } from '@comuna/subgraph-kit';
import type DataLoader from 'dataloader';
import type { GovernanceContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { GovernanceLoaders } from '../loaders/index.js';
import { federationTable } from '../tables.js';

type Loaders = { [K in keyof GovernanceLoaders]: GovernanceLoaders[K] extends DataLoader<number, unknown> ? K : never }[keyof GovernanceLoaders];

/** A lookup by global id: an id of another kind, or unknown, is simply not found (null). */
const lookup = (kind: string, loader: Loaders) => (_root: unknown, { id }: { id: string }, ctx: GovernanceContext) => {
  const key = tryParseGlobalId(id, kind);
  return key === undefined ? null : (ctx.loaders[loader] as DataLoader<number, never>).load(key);
};

/** Lookups by id, all through the batched loaders. */
export const queryResolvers: Resolvers['Query'] = {
  assembly: lookup('assembly', 'assembly'),
  decision: lookup('decision', 'decision'),
  organ: lookup('organ', 'organ'),
  spokesperson: lookup('spokesperson', 'spokesperson'),
  mandate: lookup('mandate', 'mandate'),
  recall: lookup('recall', 'recall'),
  federation: lookup('federation', 'federation'),
  federations: async (_root, _args, ctx) =>
    (await ctx.em.execute(`select ${federationTable.columns} from federation order by name, id`)).map((raw) => federationTable.map(raw)),
};
