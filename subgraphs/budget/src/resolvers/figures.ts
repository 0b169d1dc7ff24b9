import { badInput, selectedFields } from '@comuna/subgraph-kit';
import { PROJECT_STATUSES } from '../entities/project.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { validCurrency } from '../mutations/validate.js';
import type { BudgetFiguresRow, TerritoryScopeRow } from '../rows.js';
import { money, ratio } from './money.js';
import { childPage, idPage } from './types.js';

const NO_SCOPE: TerritoryScopeRow = { everything: false, councilIds: [], communeIds: [], circuitIds: [] };

/** A period the caller gave: both ends real dates, in order. */
function validPeriod(period: { from: string; to: string }, argument = 'period'): { from: string; to: string } {
  if (period.from > period.to) throw badInput(`${argument}.from ${period.from} is after ${argument}.to ${period.to}`, { argument });
  return period;
}

/**
 * Budget figures attached to every territory. The territory subgraph sends each representation's scope; the
 * figures are read per batch by the loaders in loaders/figures.ts, a constant number of statements however many
 * territories a query asks for.
 */
export const figureResolvers: Pick<Resolvers, 'Territory' | 'BudgetFigures' | 'ConsultationFigures'> = {
  Territory: {
    __resolveReference: (ref) => ref as never,
    budget: (territory, { period, currency }, _ctx, info) => {
      const { from, to } = validPeriod(period);
      const scope = (territory as { scope?: TerritoryScopeRow }).scope ?? NO_SCOPE;
      // Committed money is summed only when asked for: the national roll-up asks received and spent only.
      return { territoryId: territory.id, scope, from, to, currency: validCurrency(currency, 'currency'), withCommitted: selectedFields(info).has('committed') };
    },
  },
  BudgetFigures: {
    received: async (row, _args, ctx) => money((await ctx.loaders.money.load(row)).received, row.currency),
    committed: async (row, _args, ctx) => money((await ctx.loaders.money.load(row)).committed, row.currency),
    spent: async (row, _args, ctx) => money((await ctx.loaders.money.load(row)).spent, row.currency),
    executionRate: async (row, _args, ctx) => {
      const figures = await ctx.loaders.money.load(row);
      return ratio(figures.spent, figures.received);
    },
    projectsByStatus: async (row, _args, ctx) => {
      const counts = await ctx.loaders.statuses.load(row);
      return PROJECT_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
    },
    consultations: (row) => row,
  },
  ConsultationFigures: {
    rounds: async (row, _args, ctx) => (await ctx.loaders.turnout.load(row)).rounds,
    eligibleVoters: async (row, _args, ctx) => (await ctx.loaders.turnout.load(row)).eligibleVoters,
    ballotsCast: async (row, _args, ctx) => (await ctx.loaders.turnout.load(row)).ballotsCast,
    turnout: async (row, _args, ctx) => {
      const totals = await ctx.loaders.turnout.load(row);
      return ratio(BigInt(totals.ballotsCast), BigInt(totals.eligibleVoters));
    },
    winningProposals: async (row: BudgetFiguresRow, args, ctx) => {
      const { limit, afterId } = idPage(args);
      const found = await ctx.loaders.winners.load({ ...row, limit, afterId });
      return childPage(found.rows, limit, found.totalCount);
    },
  },
};
