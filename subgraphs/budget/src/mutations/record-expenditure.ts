import { conflict, isPostgres, notFound, parseGlobalId, performWrite } from '@comuna/subgraph-kit';
import type { BudgetContext } from '../context.js';
import { LedgerEntry } from '../entities/index.js';
import type { MutationRecordExpenditureArgs } from '../generated/resolvers-types.js';
import { money } from '../resolvers/money.js';
import { toBig } from '../tables.js';
import { count, pastDate, positiveMoney, validCurrency, validText } from './validate.js';

/**
 * Appends a payment to the open books. Spending is limited to the project's available funds (earmarked
 * transfers minus net spending) unless `allowOverspend` is set, which the entry records for the social audit.
 */
export const recordExpenditure = async (_root: unknown, { input }: MutationRecordExpenditureArgs, ctx: BudgetContext) => {
  const key = parseGlobalId(input.projectId, 'project', 'input.projectId');
  const project = await ctx.loaders.project.load(key);
  if (!project) throw notFound(`No project with id ${input.projectId}`, { argument: 'input.projectId' });
  const id = await performWrite(ctx, ctx.policy, { action: 'recordExpenditure', bodies: [project.bodyId], input }, async (em) => {
    const amount = positiveMoney(input.amount, 'input.amount');
    const currency = validCurrency(input.currency, 'input.currency');
    const paidOn = pastDate(input.paidOn, 'input.paidOn');
    const payee = validText(input.payee, 'input.payee', 3, 200);
    const description = validText(input.description, 'input.description', 3, 500);
    const quotes = count(input.documents.quotes, 'input.documents.quotes');
    // Locking the project row serialises concurrent payments, so two cannot both fit the same available funds.
    const [row] = await em.execute(`select status, currency, approved_on as "approvedOn" from project where id = ?${isPostgres(em) ? ' for update' : ''}`, [key]);
    if (row!.status !== 'APPROVED' && row!.status !== 'IN_EXECUTION') {
      throw conflict(`${input.projectId} is ${String(row!.status)}; payments are recorded only for approved or executing projects`, { argument: 'input.projectId' });
    }
    if (currency !== row!.currency) throw conflict(`${input.projectId} is costed in ${String(row!.currency)}; record its payments in that currency`, { argument: 'input.currency' });
    if (row!.approvedOn && paidOn < String(row!.approvedOn)) throw conflict(`input.paidOn ${paidOn} is before the project was approved (${String(row!.approvedOn)})`, { argument: 'input.paidOn' });
    const [funds] = await em.execute(
      `select (select coalesce(sum(amount_minor), 0) from transfer where project_id = ? and currency = ?) - (select coalesce(sum(amount_minor), 0) from ledger_entry where project_id = ?) as available`,
      [key, currency, key],
    );
    const available = toBig(funds!.available);
    const allowOverspend = input.allowOverspend ?? false;
    if (amount > available && !allowOverspend) {
      const { amount: left } = money(available, currency);
      throw conflict(`${input.projectId} has ${left} ${currency} available; a payment of ${input.amount} needs more funds or allowOverspend: true`, { argument: 'input.amount' });
    }
    const entry = em.create(LedgerEntry, {
      project: key,
      bodyId: project.bodyId,
      amountMinor: amount,
      currency,
      paidOn,
      payee,
      description,
      ...input.documents,
      quotes,
      overspendAllowed: amount > available,
      reversesId: null,
      syntheticFields: [],
      sources: ['ledger'],
    });
    await em.flush();
    return entry.id;
  });
  return (await ctx.loaders.ledgerEntry.load(id))!;
};
