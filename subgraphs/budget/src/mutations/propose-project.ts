import { performWrite } from '@comuna/subgraph-kit';
import type { BudgetContext } from '../context.js';
import { Project, ProjectStatusChange } from '../entities/index.js';
import type { MutationProposeProjectArgs } from '../generated/resolvers-types.js';
import { knownBody, pastDate, positiveMoney, validCurrency, validText } from './validate.js';

/** Records a project proposed by a body's assembly; it starts PROPOSED with its first history entry. */
export const proposeProject = async (_root: unknown, { input }: MutationProposeProjectArgs, ctx: BudgetContext) => {
  const id = await performWrite(ctx, ctx.policy, { action: 'proposeProject', bodies: [input.bodyId], input }, async (em) => {
    const name = validText(input.name, 'input.name', 3, 200);
    const cost = positiveMoney(input.estimatedCost, 'input.estimatedCost');
    const currency = validCurrency(input.currency, 'input.currency');
    const proposedOn = pastDate(input.proposedOn, 'input.proposedOn');
    await knownBody(em, input.bodyId, 'input.bodyId');
    const project = em.create(Project, {
      name,
      category: input.category,
      bodyId: input.bodyId,
      estimatedCostMinor: cost,
      currency,
      status: 'PROPOSED',
      proposedOn,
      approvedOn: null,
      syntheticFields: [],
      sources: ['ledger'],
    });
    await em.flush();
    em.create(ProjectStatusChange, { project: project.id, status: 'PROPOSED', previousStatus: null, effectiveOn: proposedOn, reason: 'Proposed by the assembly' });
    await em.flush();
    return project.id;
  });
  return (await ctx.loaders.project.load(id))!;
};
