import { conflict, parseGlobalId, performWrite, today, toInt } from '@comuna/subgraph-kit';
import { randomBytes } from 'node:crypto';
import type { TerritoryContext } from '../context.js';
import { CommunalCouncil } from '../entities/index.js';
import type { MutationRegisterCommunalCouncilArgs } from '../generated/resolvers-types.js';
import type { RegistryRules } from '../registry/rules-config.js';
import { generatedCode, recordStatus } from './records.js';
import { codeFree, existing, pastDate, validCensus, validCode, validFamilies, validName } from './validate.js';

/** Registers a council as REGISTERED on its registration date, with its first census. */
export const registerCommunalCouncil = (rules: RegistryRules) => async (_root: unknown, { input }: MutationRegisterCommunalCouncilArgs, ctx: TerritoryContext) => {
  const id = await performWrite(ctx, ctx.policy, { action: 'registerCommunalCouncil', bodies: [input.parishId], input }, async (em) => {
    const name = validName(input.name);
    const parishKey = parseGlobalId(input.parishId, 'parish', 'input.parishId');
    const circuitKey = input.circuitId == null ? null : parseGlobalId(input.circuitId, 'circuit', 'input.circuitId');
    validFamilies(input.setting, input.families, rules);
    const households = input.households ?? input.families;
    validCensus(input.families, households, input.population);
    const registeredOn = pastDate(input.registeredOn ?? today(), 'input.registeredOn');
    const code = input.code == null ? null : validCode(input.code);

    const [parish] = await existing(em, 'parish', 'parish', 'id, state_id as "stateId"', [parishKey]);
    if (circuitKey !== null) {
      const [circuit] = await existing(em, 'communal_circuit', 'circuit', 'id, status', [circuitKey]);
      if (circuit!.status === 'DISSOLVED') throw conflict(`circuit:${circuitKey} is dissolved; choose an active circuit`, { argument: 'input.circuitId' });
    }
    if (code) await codeFree(em, 'communal_council', code);

    const stateId = toInt(parish!.stateId);
    const council = em.create(CommunalCouncil, {
      code: code ?? `pending-${randomBytes(8).toString('hex')}`,
      name,
      status: 'REGISTERED',
      registeredOn,
      setting: input.setting,
      households,
      families: input.families,
      population: input.population,
      censusAsOf: registeredOn,
      parish: parishKey,
      state: stateId,
      commune: null,
      circuit: circuitKey,
      syntheticFields: [],
      sources: ['registry'],
    });
    await em.flush();
    if (!code) council.code = await generatedCode(em, 'CC', stateId, council.id, 5);
    recordStatus(em, `council:${council.id}`, 'REGISTERED', null, registeredOn, 'Registered with the ministry');
    await em.flush();
    return council.id;
  });
  return (await ctx.loaders.council.load(id))!;
};
