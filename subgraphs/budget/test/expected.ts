import { sampleTerritory } from '@comuna/sample-data';
import { budgetPlan, rankBallot } from '../src/seed/plan.js';

/**
 * Roll-ups recomputed in plain TypeScript from the sample plan, independently of the SQL under test.
 */
const plan = budgetPlan();
const territory = sampleTerritory();

export interface Scope {
  everything: boolean;
  councilIds: string[];
  communeIds: string[];
  circuitIds: string[];
}

/** A commune's scope as the territory subgraph defines it: itself, its councils and the circuits centred on it. */
export function communeScope(communeId: number): Scope {
  return {
    everything: false,
    councilIds: territory.councils.filter((c) => c.communeId === communeId).map((c) => `council:${c.id}`),
    communeIds: [`commune:${communeId}`],
    circuitIds: territory.circuits.filter((c) => c.communeId === communeId).map((c) => `circuit:${c.id}`),
  };
}

export const nationScope: Scope = { everything: true, councilIds: [], communeIds: [], circuitIds: [] };

const inScope = (scope: Scope, body: string) => scope.everything || [...scope.councilIds, ...scope.communeIds, ...scope.circuitIds].includes(body);
const within = (date: string, from: string, to: string) => date >= from && date <= to;
const decimal = (minor: bigint) => {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

export function expectedFigures(scope: Scope, from: string, to: string, currency: string) {
  const received = plan.transfers.filter((t) => t.currency === currency && inScope(scope, t.bodyId) && within(t.transferredOn, from, to)).reduce((n, t) => n + t.amountMinor, 0n);
  const spent = plan.entries.filter((e) => e.currency === currency && inScope(scope, e.bodyId) && within(e.paidOn, from, to)).reduce((n, e) => n + e.amountMinor, 0n);
  const committed = plan.projects
    .filter((p) => p.currency === currency && inScope(scope, p.bodyId) && ['APPROVED', 'IN_EXECUTION', 'DONE'].includes(p.history.at(-1)!.status))
    .filter((p) => { const approved = p.history.find((h) => h.status === 'APPROVED'); return approved && within(approved.effectiveOn, from, to); })
    .reduce((n, p) => n + p.costMinor, 0n);
  const statuses = new Map<string, number>();
  for (const p of plan.projects.filter((p) => inScope(scope, p.bodyId) && within(p.history[0]!.effectiveOn, from, to))) {
    statuses.set(p.history.at(-1)!.status, (statuses.get(p.history.at(-1)!.status) ?? 0) + 1);
  }
  const rounds = plan.rounds.filter((r) => within(r.heldOn, from, to));
  const tallies = plan.tallies.filter((t) => inScope(scope, t.circuitId) && rounds.some((r) => r.id === t.roundId));
  const winners = tallies.flatMap((t) => {
    const round = plan.rounds.find((r) => r.id === t.roundId)!;
    return rankBallot(plan.proposals.filter((p) => p.roundId === t.roundId && p.circuitId === t.circuitId)).slice(0, round.fundedPerCircuit).filter((p) => p.votes > 0).map((p) => p.id);
  });
  return {
    received: decimal(received),
    spent: decimal(spent),
    committed: decimal(committed),
    statuses,
    rounds: new Set(tallies.map((t) => t.roundId)).size,
    eligibleVoters: tallies.reduce((n, t) => n + t.eligibleVoters, 0),
    ballotsCast: tallies.reduce((n, t) => n + t.ballotsCast, 0),
    winners: winners.sort((a, b) => a - b).map((id) => `proposal:${id}`),
  };
}
