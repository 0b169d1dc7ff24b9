import { badInput, conflict, parseGlobalId, performWrite, trackedUpdate } from '@comuna/subgraph-kit';
import { Commune } from '../entities/index.js';
import type { TerritoryContext } from '../context.js';
import type { FormationStep } from '../entities/commune.js';
import type { MutationAdvanceCommuneFormationArgs } from '../generated/resolvers-types.js';
import { nextFormationStep } from '../registry/status-rules.js';
import { recordStatus } from './records.js';
import { existing, lastChangeDate, pastDate } from './validate.js';

/** Records the next formation step; the last one (REGISTRATION) registers the commune. */
export const advanceCommuneFormation = async (_root: unknown, { input }: MutationAdvanceCommuneFormationArgs, ctx: TerritoryContext) => {
  const key = parseGlobalId(input.communeId, 'commune', 'input.communeId');
  await performWrite(ctx, ctx.policy, { action: 'advanceCommuneFormation', bodies: [input.communeId], input }, async (em) => {
    const completedOn = pastDate(input.completedOn, 'input.completedOn');
    const [commune] = await existing(em, 'commune', 'commune', 'id, status, formation_step as "step"', [key]);
    if (commune!.status !== 'IN_FORMATION') throw conflict(`commune:${key} is ${String(commune!.status)}, not in formation`);
    const expected = nextFormationStep(commune!.step as FormationStep);
    if (input.step !== expected) {
      throw conflict(`commune:${key} is at ${String(commune!.step)}; the next step to record is ${expected}`, { argument: 'input.step' });
    }
    const last = await lastChangeDate(em, input.communeId);
    if (last && completedOn < last) throw badInput(`input.completedOn ${completedOn} is before the previous step (${last})`, { argument: 'input.completedOn' });
    if (input.step === 'REGISTRATION') {
      await trackedUpdate(em, Commune, [key], () => em.execute("update commune set version = version + 1, formation_step = ?, status = 'REGISTERED', registered_on = ? where id = ?", [input.step, completedOn, key]));
      recordStatus(em, input.communeId, 'REGISTERED', 'IN_FORMATION', completedOn, 'Registered with the ministry');
    } else {
      await trackedUpdate(em, Commune, [key], () => em.execute('update commune set version = version + 1, formation_step = ? where id = ?', [input.step, key]));
      recordStatus(em, input.communeId, 'IN_FORMATION', 'IN_FORMATION', completedOn, `Completed formation step ${input.step}`);
    }
    await em.flush();
  });
  return (await ctx.loaders.commune.load(key))!;
};
