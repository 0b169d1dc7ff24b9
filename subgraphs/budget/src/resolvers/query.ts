import { badInput, keysetPage, tryParseGlobalId, Where } from '@comuna/subgraph-kit';
import type { BudgetContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { bodyId, validCurrency } from '../mutations/validate.js';
import { consultationTable, fundingSourceTable, ledgerTable, projectTable, toBig, transferTable } from '../tables.js';
import { money } from './money.js';

/** An optional id filter of a known kind; a malformed one is the caller's mistake worth naming. */
function idFilter(id: string | null | undefined, kind: string, argument: string): number | undefined {
  if (id == null) return undefined;
  const key = tryParseGlobalId(id, kind);
  if (key === undefined) throw badInput(`${argument} "${id}" is not a ${kind} id (expected "${kind}:<number>")`, { argument });
  return key;
}

function period(where: Where, column: string, value: { from: string; to: string } | null | undefined, argument: string): void {
  if (!value) return;
  if (value.from > value.to) throw badInput(`${argument}.from ${value.from} is after ${argument}.to ${value.to}`, { argument });
  where.add(`${column} between ? and ?`, value.from, value.to);
}

/** A lookup by global id through the batched loader; an id of another kind simply finds nothing. */
const byId =
  (kind: string, loader: (ctx: BudgetContext) => { load(key: number): Promise<unknown> }) =>
  (_root: unknown, { id }: { id: string }, ctx: BudgetContext) => {
    const key = tryParseGlobalId(id, kind);
    return key === undefined ? null : loader(ctx).load(key);
  };

export const queryResolvers: Resolvers['Query'] = {
  fundingSources: async (_root, _args, ctx) => (await ctx.em.execute(`select ${fundingSourceTable.columns} from funding_source order by name`)).map(fundingSourceTable.map),
  fundingSource: byId('source', (ctx) => ctx.loaders.fundingSource) as never,
  project: byId('project', (ctx) => ctx.loaders.project) as never,
  consultation: byId('consultation', (ctx) => ctx.loaders.consultation) as never,
  consultations: async (_root, _args, ctx) =>
    (await ctx.em.execute(`select ${consultationTable.columns} from consultation order by held_on, id`)).map(consultationTable.map),
  transfers: (_root, { filter, first, after }, ctx) => {
    const where = new Where();
    if (filter?.bodyId != null) where.add('body_id = ?', bodyId(filter.bodyId, 'filter.bodyId').id);
    const source = idFilter(filter?.sourceId, 'source', 'filter.sourceId');
    if (source !== undefined) where.add('source_id = ?', source);
    const project = idFilter(filter?.projectId, 'project', 'filter.projectId');
    if (project !== undefined) where.add('project_id = ?', project);
    if (filter?.currency != null) where.add('currency = ?', validCurrency(filter.currency, 'filter.currency'));
    period(where, 'transferred_on', filter?.period, 'filter.period');
    return keysetPage(ctx.em, transferTable, where, { first, after }, { expression: 'transferred_on', direction: 'DESC' });
  },
  projects: (_root, { filter, first, after }, ctx) => {
    const where = new Where();
    if (filter?.bodyId != null) where.add('body_id = ?', bodyId(filter.bodyId, 'filter.bodyId').id);
    if (filter?.status?.length) where.add(`status in (${filter.status.map(() => '?').join(', ')})`, ...filter.status);
    if (filter?.category != null) where.add('category = ?', filter.category);
    period(where, 'proposed_on', filter?.proposedIn, 'filter.proposedIn');
    return keysetPage(ctx.em, projectTable, where, { first, after }, { expression: 'proposed_on', direction: 'DESC' });
  },
  ledger: (_root, { filter, first, after }, ctx) => {
    const where = new Where();
    const project = idFilter(filter?.projectId, 'project', 'filter.projectId');
    if (project !== undefined) where.add('project_id = ?', project);
    if (filter?.bodyId != null) where.add('body_id = ?', bodyId(filter.bodyId, 'filter.bodyId').id);
    period(where, 'paid_on', filter?.period, 'filter.period');
    if (filter?.incompleteDocuments != null) {
      const complete = 'assembly_minutes = true and funder_approval = true and account_statement = true and contracting_minutes = true and quotes >= 3 and invoice = true and receipt_minutes = true';
      where.add(filter.incompleteDocuments ? `not (${complete})` : `(${complete})`);
    }
    return keysetPage(ctx.em, ledgerTable, where, { first, after }, { expression: 'paid_on', direction: 'ASC' });
  },
  bodyBalances: async (_root, args, ctx) => {
    const { id } = bodyId(args.bodyId, 'bodyId');
    // Balances derive from the two append-only tables; nothing stores a balance that could drift.
    const rows = await ctx.em.execute(
      `select currency, sum(received) as received, sum(spent) as spent from (
         select currency, amount_minor as received, 0 as spent from transfer where body_id = ?
         union all
         select currency, 0 as received, amount_minor as spent from ledger_entry where body_id = ?
       ) m group by currency order by currency`,
      [id, id],
    );
    return rows.map((r) => {
      const received = toBig(r.received);
      const spent = toBig(r.spent);
      const currency = String(r.currency);
      return { body: { id }, received: money(received, currency), spent: money(spent, currency), balance: money(received - spent, currency) };
    });
  },
};
