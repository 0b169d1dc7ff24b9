import { conflict, performWrite, toInt } from '@comuna/subgraph-kit';
import type { BudgetContext } from '../context.js';
import { Transfer } from '../entities/index.js';
import type { MutationRecordTransferArgs } from '../generated/resolvers-types.js';
import { existingRow, knownBody, pastDate, positiveMoney, validCurrency, validText } from './validate.js';

/** Records money from a source to a body, optionally earmarked for one of the body's approved projects. */
export const recordTransfer = async (_root: unknown, { input }: MutationRecordTransferArgs, ctx: BudgetContext) => {
  const id = await performWrite(ctx, ctx.policy, { action: 'recordTransfer', bodies: [input.bodyId], input }, async (em) => {
    const amount = positiveMoney(input.amount, 'input.amount');
    const currency = validCurrency(input.currency, 'input.currency');
    const transferredOn = pastDate(input.transferredOn, 'input.transferredOn');
    const purpose = validText(input.purpose, 'input.purpose', 3, 500);
    const source = await existingRow(em, 'funding_source', 'source', 'id', input.sourceId, 'input.sourceId');
    await knownBody(em, input.bodyId, 'input.bodyId');
    let projectKey: number | null = null;
    if (input.projectId != null) {
      const project = await existingRow(em, 'project', 'project', 'id, body_id as "bodyId", currency, status', input.projectId, 'input.projectId');
      if (project.bodyId !== input.bodyId) {
        throw conflict(`${input.projectId} belongs to ${String(project.bodyId)}, not ${input.bodyId}; earmark money only for the receiving body's projects`, { argument: 'input.projectId' });
      }
      if (project.currency !== currency) {
        throw conflict(`${input.projectId} is costed in ${String(project.currency)}; a ${currency} transfer cannot be earmarked for it`, { argument: 'input.currency' });
      }
      if (project.status !== 'APPROVED' && project.status !== 'IN_EXECUTION') {
        throw conflict(`${input.projectId} is ${String(project.status)}; only approved or executing projects receive earmarked money`, { argument: 'input.projectId' });
      }
      projectKey = toInt(project.id);
    }
    const transfer = em.create(Transfer, {
      source: toInt(source.id),
      bodyId: input.bodyId,
      project: projectKey,
      amountMinor: amount,
      currency,
      transferredOn,
      purpose,
      syntheticFields: [],
      sources: ['ledger'],
    });
    await em.flush();
    return transfer.id;
  });
  return (await ctx.loaders.transfer.load(id))!;
};
