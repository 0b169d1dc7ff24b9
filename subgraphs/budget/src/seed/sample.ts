import { isPostgres } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { CircuitTally, Consultation, FundingSource, KnownBody, LedgerEntry, Project, ProjectStatusChange, Proposal, Transfer } from '../entities/index.js';
import { budgetPlan, SYNTHETIC } from './plan.js';

/**
 * Loads the embedded budget sample into an empty database, in one transaction, with the ids the plan assigns.
 * Does nothing if any funding source exists.
 */
export async function seedSample(em: SqlEntityManager): Promise<boolean> {
  const existing = await em.execute('select count(*) as n from funding_source');
  if (Number(existing[0]!.n) > 0) return false;
  const plan = budgetPlan();
  await em.transactional(async (tx) => {
    await tx.insertMany(KnownBody, plan.bodies.map((b) => ({ id: b.id, kind: b.kind, circuitId: b.circuitId, stateId: b.stateId, dissolved: false })));
    await tx.insertMany(FundingSource, plan.sources);
    await tx.insertMany(Consultation, plan.rounds.map((r) => ({ id: r.id, heldOn: r.heldOn, kind: r.kind, fundedPerCircuit: r.fundedPerCircuit, minimumVoterAge: 15, syntheticFields: r.syntheticFields, sources: r.sources })));
    await tx.insertMany(Project, plan.projects.map((p) => ({
      id: p.id, name: p.name, category: p.category, bodyId: p.bodyId, estimatedCostMinor: p.costMinor, currency: p.currency,
      status: p.history.at(-1)!.status, proposedOn: p.history[0]!.effectiveOn, approvedOn: p.history.find((h) => h.status === 'APPROVED')?.effectiveOn ?? null,
      syntheticFields: SYNTHETIC.project, sources: [],
    })) as never);
    await tx.insertMany(ProjectStatusChange, plan.projects.flatMap((p) => p.history.map((h, i) => ({
      project: p.id, status: h.status, previousStatus: i === 0 ? null : p.history[i - 1]!.status, effectiveOn: h.effectiveOn, reason: h.reason,
    }))) as never);
    await tx.insertMany(Proposal, plan.proposals.map((p) => ({ id: p.id, consultation: p.roundId, circuitId: p.circuitId, project: p.projectId, ballotPosition: p.ballotPosition, votes: p.votes })));
    await tx.insertMany(CircuitTally, plan.tallies.map((t) => ({ consultation: t.roundId, circuitId: t.circuitId, eligibleVoters: t.eligibleVoters, ballotsCast: t.ballotsCast, invalidBallots: t.invalidBallots, recordedOn: t.recordedOn })));
    await tx.insertMany(Transfer, plan.transfers.map((t) => ({
      id: t.id, source: t.sourceId, bodyId: t.bodyId, project: t.projectId, amountMinor: t.amountMinor, currency: t.currency, transferredOn: t.transferredOn, purpose: t.purpose,
      syntheticFields: SYNTHETIC.transfer, sources: [],
    })));
    await tx.insertMany(LedgerEntry, plan.entries.map((e) => ({
      id: e.id, project: e.projectId, bodyId: e.bodyId, amountMinor: e.amountMinor, currency: e.currency, paidOn: e.paidOn, payee: e.payee, description: e.description,
      ...e.documents, overspendAllowed: false, reversesId: e.reversesId, syntheticFields: SYNTHETIC.entry, sources: [],
    })));
    if (isPostgres(tx as SqlEntityManager)) {
      // Explicit ids leave PostgreSQL's sequences behind; move them past the sample so new rows get fresh ids.
      for (const table of ['funding_source', 'consultation', 'project', 'project_status_change', 'proposal', 'circuit_tally', 'transfer', 'ledger_entry']) {
        await tx.execute(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
      }
    }
  });
  return true;
}
