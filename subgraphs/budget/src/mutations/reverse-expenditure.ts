import { badInput, conflict, notFound, parseGlobalId, performWrite, toInt } from '@comuna/subgraph-kit';
import type { BudgetContext } from '../context.js';
import { LedgerEntry } from '../entities/index.js';
import type { MutationReverseExpenditureArgs } from '../generated/resolvers-types.js';
import { pastDate, validText } from './validate.js';

/** Corrects the books the only way they allow: a new entry with the opposite amount, pointing at the original. */
export const reverseExpenditure = async (_root: unknown, { input }: MutationReverseExpenditureArgs, ctx: BudgetContext) => {
  const key = parseGlobalId(input.entryId, 'entry', 'input.entryId');
  const original = await ctx.loaders.ledgerEntry.load(key);
  if (!original) throw notFound(`No ledger entry with id ${input.entryId}`, { argument: 'input.entryId' });
  const id = await performWrite(ctx, ctx.policy, { action: 'reverseExpenditure', bodies: [original.bodyId], input }, async (em) => {
    const reason = validText(input.reason, 'input.reason', 3, 500);
    const reversedOn = pastDate(input.reversedOn, 'input.reversedOn');
    if (original.reversesId !== null) throw conflict(`${input.entryId} is itself a reversal; record a new payment instead`, { argument: 'input.entryId' });
    if (reversedOn < original.paidOn) throw badInput(`input.reversedOn ${reversedOn} is before the payment (${original.paidOn})`, { argument: 'input.reversedOn' });
    const [already] = await em.execute('select id from ledger_entry where reverses_id = ?', [key]);
    if (already) throw conflict(`${input.entryId} is already reversed by entry:${toInt(already.id)}`, { argument: 'input.entryId' });
    const entry = em.create(LedgerEntry, {
      project: original.projectId,
      bodyId: original.bodyId,
      amountMinor: -original.amount.minor,
      currency: original.amount.currency,
      paidOn: reversedOn,
      payee: original.payee,
      description: reason,
      ...original.documents,
      overspendAllowed: false,
      reversesId: key,
      syntheticFields: [],
      sources: ['ledger'],
    });
    await em.flush();
    return entry.id;
  });
  return (await ctx.loaders.ledgerEntry.load(id))!;
};
