import { badInput } from '@comuna/subgraph-kit';
import { bucketSpans } from '@comuna/subgraph-kit';
import type { LatestRound, Participation } from '../analytics/loaders.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { validCurrency } from '../mutations/validate.js';
import type { TerritoryRow, TerritoryScopeRow } from '../rows.js';
import { money, ratio } from './money.js';

type Represented = TerritoryRow & { census?: { population: number } };

function scopeOf(ref: Represented): TerritoryScopeRow {
  if (!ref.scope) throw badInput(`Territory ${ref.id} came without its scope; ask for budget analytics through the gateway`);
  return ref.scope;
}
function populationOf(ref: Represented): bigint {
  if (ref.census?.population === undefined) throw badInput(`Territory ${ref.id} came without its population; ask through the gateway`);
  return BigInt(ref.census.population);
}
function validPeriod(period: { from: string; to: string }) {
  if (period.from > period.to) throw badInput(`period.from ${period.from} is after period.to ${period.to}`, { argument: 'period' });
  return period;
}
/** A round as the activity rule sees it: a body in scope took part if its circuits cast ballots or it had a proposal. */
function participationIn(round: LatestRound, part: Participation) {
  return {
    consultationId: `consultation:${round.consultationId}`,
    heldOn: round.heldOn,
    participated: part.ballotsCast > 0 || part.proposals > 0,
    circuitsTallied: part.circuitsTallied,
    proposals: part.proposals,
    eligibleVoters: part.eligibleVoters,
    ballotsCast: part.ballotsCast,
    turnout: ratio(BigInt(part.ballotsCast), BigInt(part.eligibleVoters)),
  };
}
/** Minor units (cents) per inhabitant as a decimal string with four places; null for an empty territory. */
const perInhabitant = (minor: bigint, population: bigint) => ratio(minor, population * 100n);

/**
 * Budget's part of the federated analytics (issue 10, ADR 0005): the facts territory's activity rule requires
 * (last ledger entry, part in the latest consultation), money and turnout per inhabitant, and their trends.
 * Per-inhabitant figures divide by the population territory sends along (@requires census { population }).
 */
export const analyticsResolvers: Pick<Resolvers, 'Territory'> = {
  Territory: {
    lastLedgerEntryOn: (ref, _args, ctx) => ctx.loaders.analytics.lastLedgerEntry.load({ territoryId: ref.id, scope: scopeOf(ref) }),
    latestConsultation: async (ref, _args, ctx) => {
      const loaders = ctx.loaders.analytics;
      const [round, part] = await Promise.all([loaders.latestRound(), loaders.participation.load({ territoryId: ref.id, scope: scopeOf(ref) })]);
      return round ? participationIn(round, part) : null;
    },
    ledgerEntryMonths: (ref, _args, ctx) => ctx.loaders.analytics.ledgerMonths.load({ territoryId: ref.id, scope: scopeOf(ref) }),
    budgetDashboardFacts: (ref, _args, ctx) => (typeof ref.dashboardScopes === 'string' ? ctx.loaders.analytics.dashboardFacts.load({ key: ref.id, scopes: ref.dashboardScopes }) : null),
    consultationRounds: async (ref, _args, ctx) => {
      const loaders = ctx.loaders.analytics;
      const [rounds, parts] = await Promise.all([loaders.roundsHeld(), loaders.participationByRound.load({ territoryId: ref.id, scope: scopeOf(ref) })]);
      return rounds.map((round) => participationIn(round, parts.get(round.consultationId) ?? { circuitsTallied: 0, eligibleVoters: 0, ballotsCast: 0, proposals: 0 }));
    },
    budgetPerInhabitant: async (ref, { period, currency }, ctx) => {
      const scope = scopeOf(ref);
      const population = populationOf(ref as Represented);
      const key = { territoryId: ref.id, scope, ...validPeriod(period), currency: validCurrency(currency, 'currency') };
      const [figures, votes] = await Promise.all([ctx.loaders.money.load(key), ctx.loaders.turnout.load(key)]);
      return {
        currency: key.currency,
        population: Number(population),
        received: money(figures.received, key.currency),
        spent: money(figures.spent, key.currency),
        receivedPerInhabitant: perInhabitant(figures.received, population),
        spentPerInhabitant: perInhabitant(figures.spent, population),
        eligibleVoters: votes.eligibleVoters,
        ballotsCast: votes.ballotsCast,
        turnout: ratio(BigInt(votes.ballotsCast), BigInt(votes.eligibleVoters)),
        ballotsPerInhabitant: ratio(BigInt(votes.ballotsCast), population),
      };
    },
    budgetTrend: async (ref, { period, currency, bucket }, ctx) => {
      const scope = scopeOf(ref);
      const population = populationOf(ref as Represented);
      const checked = validPeriod(period);
      const spans = bucketSpans(checked, bucket);
      const code = validCurrency(currency, 'currency');
      const series = await ctx.loaders.analytics.trend.load({ territoryId: ref.id, scope, from: checked.from, to: checked.to, currency: code, bucket });
      return spans.map((span) => {
        const f = series.get(span.label) ?? { received: 0n, spent: 0n, eligibleVoters: 0, ballotsCast: 0 };
        return {
          period: span.label,
          from: span.from,
          to: span.to,
          received: money(f.received, code),
          spent: money(f.spent, code),
          receivedPerInhabitant: perInhabitant(f.received, population),
          spentPerInhabitant: perInhabitant(f.spent, population),
          eligibleVoters: f.eligibleVoters,
          ballotsCast: f.ballotsCast,
          turnout: ratio(BigInt(f.ballotsCast), BigInt(f.eligibleVoters)),
        };
      });
    },
  },
};
