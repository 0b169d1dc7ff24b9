import { groupLoader, placeholders, rowLoader, toInt } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { mapProposal, RANKED_COLUMNS, rankedProposals } from '../ranking.js';
import type { CircuitTallyRow, ConsultationCountsRow, ProjectFundsRow, ProjectStatusChangeRow } from '../rows.js';
import { consultationTable, fundingSourceTable, ledgerTable, projectTable, toBig, transferTable } from '../tables.js';
import { moneyLoader, statusLoader, turnoutLoader, winnersLoader } from './figures.js';
import { pagedChildren } from './paged.js';
import { createAnalyticsLoaders } from '../analytics/loaders.js';

interface Table<R> {
  table: string;
  columns: string;
  map(raw: Record<string, unknown>): R;
}

/** `consultation:circuit` pairs travel as one string key; split back for SQL. */
export const ballotKey = (consultationId: number, circuitId: string) => `${consultationId}|${circuitId}`;
const splitBallotKeys = (keys: readonly string[]) => ({
  consultations: [...new Set(keys.map((k) => Number(k.split('|')[0])))],
  circuits: [...new Set(keys.map((k) => k.split('|')[1]!))],
});

/** Per-request DataLoaders: every list or reference a query touches is read in one statement per batch. */
export function createLoaders(em: SqlEntityManager) {
  const select = async <R>(table: Table<R>, where: string, keys: readonly unknown[], orderBy = 'id'): Promise<R[]> => {
    const rows = await em.execute(`select ${table.columns} from ${table.table} where ${where} in (${placeholders(keys.length)}) order by ${orderBy}`, [...keys]);
    return rows.map((raw) => table.map(raw));
  };
  const byId = <R extends { id: number }>(table: Table<R>) => rowLoader<number, R>((ids) => select(table, 'id', ids), (row) => row.id);

  return {
    // Analytics facts and trends (issue 10): here so resetLoaders() clears them after a write.
    analytics: createAnalyticsLoaders(em),
    fundingSource: byId(fundingSourceTable),
    transfer: byId(transferTable),
    project: byId(projectTable),
    ledgerEntry: byId(ledgerTable),
    consultation: byId(consultationTable),
    reversalOf: rowLoader((ids: readonly number[]) => select(ledgerTable, 'reverses_id', ids), (row) => row.reversesId!),
    proposal: rowLoader(
      async (ids: readonly number[]) =>
        (
          await em.execute(
            `select ${RANKED_COLUMNS} from ${rankedProposals(`(pr.consultation_id, pr.circuit_id) in (select consultation_id, circuit_id from proposal where id in (${placeholders(ids.length)}))`)} r where r.id in (${placeholders(ids.length)})`,
            [...ids, ...ids],
          )
        ).map(mapProposal),
      (row) => row.id,
    ),
    proposalsByBallot: groupLoader(
      async (keys: readonly string[]) => {
        const { consultations, circuits } = splitBallotKeys(keys);
        const rows = await em.execute(
          `select ${RANKED_COLUMNS} from ${rankedProposals(`pr.consultation_id in (${placeholders(consultations.length)}) and pr.circuit_id in (${placeholders(circuits.length)})`)} r
           order by r.consultation_id, r.circuit_id, coalesce(r.place, r.ballot_position), r.ballot_position`,
          [...consultations, ...circuits],
        );
        return rows.map(mapProposal);
      },
      (row) => ballotKey(row.consultationId, row.circuitId),
    ),
    tally: rowLoader(
      async (keys: readonly string[]) => {
        const { consultations, circuits } = splitBallotKeys(keys);
        const rows = await em.execute(
          `select consultation_id as "consultationId", circuit_id as "circuitId", eligible_voters as "eligibleVoters", ballots_cast as "ballotsCast",
             invalid_ballots as "invalidBallots", recorded_on as "recordedOn"
           from circuit_tally where consultation_id in (${placeholders(consultations.length)}) and circuit_id in (${placeholders(circuits.length)})`,
          [...consultations, ...circuits],
        );
        return rows.map(
          (r): CircuitTallyRow => ({
            consultationId: toInt(r.consultationId),
            circuitId: String(r.circuitId),
            eligibleVoters: toInt(r.eligibleVoters),
            ballotsCast: toInt(r.ballotsCast),
            invalidBallots: toInt(r.invalidBallots),
            recordedOn: String(r.recordedOn),
          }),
        );
      },
      (row) => ballotKey(row.consultationId, row.circuitId),
    ),
    consultationCounts: rowLoader(
      async (ids: readonly number[]) =>
        (
          await em.execute(
            `select r.consultation_id as id, count(*) as proposed, coalesce(sum(r.selected), 0) as selected,
               (select count(*) from circuit_tally ct where ct.consultation_id = r.consultation_id) as tallied
             from ${rankedProposals(`pr.consultation_id in (${placeholders(ids.length)})`)} r group by r.consultation_id`,
            [...ids],
          )
        ).map((r): ConsultationCountsRow & { id: number } => ({ id: toInt(r.id), proposed: toInt(r.proposed), selected: toInt(r.selected), circuitsTallied: toInt(r.tallied) })),
      (row) => row.id,
    ),
    history: groupLoader(
      async (ids: readonly number[]) =>
        (
          await em.execute(
            `select project_id as "projectId", status, previous_status as "previousStatus", effective_on as "effectiveOn", reason
             from project_status_change where project_id in (${placeholders(ids.length)}) order by effective_on, id`,
            [...ids],
          )
        ).map((r) => ({ ...r, projectId: toInt(r.projectId) }) as ProjectStatusChangeRow),
      (row) => row.projectId,
    ),
    // Earmarked transfers in the project's currency, and its net ledger: two correlated sums, one statement.
    projectFunds: rowLoader(
      async (ids: readonly number[]) =>
        (
          await em.execute(
            `select p.id, p.currency,
               (select coalesce(sum(t.amount_minor), 0) from transfer t where t.project_id = p.id and t.currency = p.currency) as received,
               (select coalesce(sum(l.amount_minor), 0) from ledger_entry l where l.project_id = p.id) as spent
             from project p where p.id in (${placeholders(ids.length)})`,
            [...ids],
          )
        ).map((r): ProjectFundsRow & { id: number } => ({ id: toInt(r.id), currency: String(r.currency), received: toBig(r.received), spent: toBig(r.spent) })),
      (row) => row.id,
    ),
    ledgerOfProject: pagedChildren(em, ledgerTable, 'project_id'),
    money: moneyLoader(em),
    statuses: statusLoader(em),
    turnout: turnoutLoader(em),
    winners: winnersLoader(em),
  };
}

export type BudgetLoaders = ReturnType<typeof createLoaders>;
