import { badInput, conflict, isIsoDate, performWrite } from '@comuna/subgraph-kit';
import type { BudgetContext } from '../context.js';
import { Consultation } from '../entities/index.js';
import type { MutationCreateConsultationArgs } from '../generated/resolvers-types.js';

/** The minimum voting age of the popular consultations. */
export const MINIMUM_VOTER_AGE = 15;
/** A circuit's slate holds at most this many proposals. */
export const MAX_SLATE = 7;

/** Calls a round; a round is national, so the write concerns the nation (only nation-wide grants may call one). */
export const createConsultation = async (_root: unknown, { input }: MutationCreateConsultationArgs, ctx: BudgetContext) => {
  const id = await performWrite(ctx, ctx.policy, { action: 'createConsultation', bodies: ['nation:ve'], input }, async (em) => {
    if (!isIsoDate(input.heldOn)) throw badInput(`input.heldOn "${input.heldOn}" is not a date (YYYY-MM-DD)`, { argument: 'input.heldOn' });
    if (!Number.isInteger(input.fundedPerCircuit) || input.fundedPerCircuit < 1 || input.fundedPerCircuit > MAX_SLATE) {
      throw badInput(`input.fundedPerCircuit must be 1 to ${MAX_SLATE}; got ${input.fundedPerCircuit}`, { argument: 'input.fundedPerCircuit' });
    }
    const clash = await em.execute('select id from consultation where held_on = ? and kind = ?', [input.heldOn, input.kind]);
    if (clash.length) throw conflict(`A ${input.kind.toLowerCase()} round on ${input.heldOn} already exists (consultation:${String(clash[0]!.id)})`, { argument: 'input.heldOn' });
    const round = em.create(Consultation, {
      heldOn: input.heldOn,
      kind: input.kind,
      fundedPerCircuit: input.fundedPerCircuit,
      minimumVoterAge: MINIMUM_VOTER_AGE,
      syntheticFields: [],
      sources: ['ledger'],
    });
    await em.flush();
    return round.id;
  });
  return (await ctx.loaders.consultation.load(id))!;
};
