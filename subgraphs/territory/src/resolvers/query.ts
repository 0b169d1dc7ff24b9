import { tryParseGlobalId } from '@comuna/subgraph-kit';
import type { TerritoryContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { allStates, codeTables, exactlyOne, findByCode, territoryById } from './lookup.js';

type Kind = keyof typeof codeTables;

/** `thing(id, code)`: by id through the batched loader, or by code. */
function byIdOrCode(kind: Kind) {
  return async (_root: unknown, args: { id?: string | null; code?: string | null }, ctx: TerritoryContext) => {
    exactlyOne(args);
    if (args.code != null) return findByCode(ctx, codeTables[kind], args.code);
    // A well-formed id of another kind simply finds nothing, as an unknown id does.
    return tryParseGlobalId(args.id!, kind) === undefined ? null : territoryById(ctx, args.id!);
  };
}

export const queryResolvers: Resolvers['Query'] = {
  nation: () => ({ __typename: 'Nation', id: 'nation:ve' }),
  states: (_root, _args, ctx) => allStates(ctx),
  state: byIdOrCode('state') as never,
  municipality: byIdOrCode('municipality') as never,
  parish: byIdOrCode('parish') as never,
  communalCouncil: byIdOrCode('council') as never,
  commune: byIdOrCode('commune') as never,
  communalCity: byIdOrCode('city') as never,
  communalCircuit: byIdOrCode('circuit') as never,
  territory: (_root, { id }, ctx) => territoryById(ctx, id),
};
