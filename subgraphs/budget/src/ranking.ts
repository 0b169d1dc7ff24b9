import { toInt } from '@comuna/subgraph-kit';
import { toBool } from './tables.js';
import type { ProposalRow } from './rows.js';

const PLACE = 'row_number() over (partition by pr.consultation_id, pr.circuit_id order by pr.votes desc, pr.ballot_position asc)';

/**
 * Proposals with their place in their circuit's result, computed in SQL. The tie rule lives here and only here:
 * equal votes rank by lower ballot position (the slate order fixed before the vote). A proposal is selected when
 * its circuit is tallied, it got at least one vote and its place is within the round's funding rule.
 * `where` filters whole (consultation, circuit) ballots, so it never changes a place.
 */
export function rankedProposals(where: string): string {
  return `(select pr.id, pr.consultation_id, pr.circuit_id, pr.project_id, pr.ballot_position, pr.votes, c.held_on,
      case when ct.id is null then null else ${PLACE} end as place,
      case when ct.id is not null and pr.votes > 0 and ${PLACE} <= c.funded_per_circuit then 1 else 0 end as selected
    from proposal pr
    join consultation c on c.id = pr.consultation_id
    left join circuit_tally ct on ct.consultation_id = pr.consultation_id and ct.circuit_id = pr.circuit_id
    where ${where})`;
}

export const RANKED_COLUMNS = 'r.id, r.consultation_id as "consultationId", r.circuit_id as "circuitId", r.project_id as "projectId", r.ballot_position as "ballotPosition", r.votes, r.place, r.selected';

export function mapProposal(raw: Record<string, unknown>): ProposalRow {
  return {
    id: toInt(raw.id),
    consultationId: toInt(raw.consultationId),
    circuitId: String(raw.circuitId),
    projectId: toInt(raw.projectId),
    ballotPosition: toInt(raw.ballotPosition),
    votes: raw.votes === null || raw.votes === undefined ? null : toInt(raw.votes),
    rank: raw.place === null || raw.place === undefined ? null : toInt(raw.place),
    selected: toBool(raw.selected),
  };
}
