import { conflict, parseGlobalId, performWrite } from '@comuna/subgraph-kit';
import type { TerritoryContext } from '../context.js';
import { CommunalCouncil } from '../entities/index.js';
import type { CouncilSetting } from '../entities/communal-council.js';
import type { MutationUpdateCensusArgs } from '../generated/resolvers-types.js';
import type { RegistryRules } from '../registry/rules-config.js';
import { existing, pastDate, updateIfUnchanged, validCensus, validFamilies } from './validate.js';

/** Replaces a council's census figures with a newer census; an older one than recorded is refused. */
export const updateCensus = (rules: RegistryRules) => async (_root: unknown, { input }: MutationUpdateCensusArgs, ctx: TerritoryContext) => {
  const key = parseGlobalId(input.councilId, 'council', 'input.councilId');
  await performWrite(ctx, ctx.policy, { action: 'updateCensus', bodies: [input.councilId], input }, async (em) => {
    const asOf = pastDate(input.asOf, 'input.asOf');
    validCensus(input.families, input.households, input.population);
    const [council] = await existing(em, 'communal_council', 'council', 'id, setting, status, census_as_of as "asOf"', [key]);
    validFamilies(council!.setting as CouncilSetting, input.families, rules);
    if (council!.status === 'DISSOLVED') throw conflict(`council:${key} is dissolved; its census is closed`);
    if (council!.asOf != null && asOf < (council!.asOf as string)) {
      throw conflict(`council:${key} already has a census of ${String(council!.asOf)}, newer than ${asOf}`, { argument: 'input.asOf' });
    }
    await updateIfUnchanged(em, CommunalCouncil, key, 'update communal_council set version = version + 1, families = ?, households = ?, population = ?, census_as_of = ? where id = ?', [
      input.families,
      input.households,
      input.population,
      asOf,
      key,
    ], input.expectedVersion, input.councilId);
  });
  return (await ctx.loaders.council.load(key))!;
};
