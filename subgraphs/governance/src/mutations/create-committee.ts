import { conflict, performWrite } from '@comuna/subgraph-kit';
import type { GovernanceContext } from '../context.js';
import { Organ } from '../entities/index.js';
import type { MutationCreateCommitteeArgs } from '../generated/resolvers-types.js';
import type { GovernanceRules } from '../rules/config.js';
import { seatsFor } from '../rules/mandate.js';
import { rememberState } from '../territory/body-state.js';
import type { TerritoryClient } from '../territory/client.js';
import { bodyId, liveBody, pastDate, validText } from './validate.js';

/** Creates a working committee of a council or commune, with the seats the rules give a unit today. */
export const createCommittee = (rules: GovernanceRules, territory: TerritoryClient) => async (_root: unknown, { input }: MutationCreateCommitteeArgs, ctx: GovernanceContext) => {
  const body = bodyId(input.bodyId, 'input.bodyId');
  const id = await performWrite(ctx, ctx.policy, { action: 'createCommittee', bodies: [body.id], input }, async (em) => {
    const name = validText(input.name, 'input.name', 3, 200);
    const topic = validText(input.topic, 'input.topic', 2, 100);
    const createdOn = pastDate(input.createdOn, 'input.createdOn');
    await rememberState(em, await liveBody(territory, body.id, 'input.bodyId'));
    const taken = await em.execute('select id from organ where body_id = ? and lower(name) = lower(?)', [body.id, name]);
    if (taken.length) throw conflict(`${body.id} already has an organ named "${name}" (organ:${String(taken[0]!.id)})`, { argument: 'input.name' });
    const organ = em.create(Organ, { bodyId: body.id, kind: 'COMMITTEE', name, topic, createdOn, ...seatsFor('COMMITTEE', rules), syntheticFields: [], sources: ['recorded'] });
    await em.flush();
    return organ.id;
  });
  return (await ctx.loaders.organ.load(id))!;
};
