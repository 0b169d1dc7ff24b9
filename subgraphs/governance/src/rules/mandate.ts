import type { MandateRow, OrganRow } from '../rows.js';
import type { OrganKind } from '../entities/organ.js';
import type { GovernanceRules } from './config.js';

/** Last day of a term that starts on `start` and lasts `years` (a 3-year term from 2024-05-10 ends 2027-05-09). */
export function termEnd(start: string, years: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Where a mandate stands on `day`: revoked once a recall decided it, expired after its term, otherwise active. */
export function mandateStatus(row: Pick<MandateRow, 'revokedOn' | 'termEndsOn'>, day: string): 'ACTIVE' | 'REVOKED' | 'EXPIRED' {
  if (row.revokedOn !== null && row.revokedOn <= day) return 'REVOKED';
  if (row.termEndsOn < day) return 'EXPIRED';
  return 'ACTIVE';
}

const COMMUNE_ORGANS: OrganKind[] = ['COMMUNAL_ECONOMY_COUNCIL', 'COMMUNAL_BANK', 'COMPTROLLER_COUNCIL', 'EXECUTIVE_COUNCIL', 'PLANNING_COUNCIL'];

/** Seats of a new organ, from the rules in force when it is created (then kept on the organ). */
export function seatsFor(kind: OrganKind, rules: GovernanceRules): Pick<OrganRow, 'principalSeats' | 'substituteSeats'> {
  if (kind === 'COMMUNAL_PARLIAMENT') return { principalSeats: rules.PARLIAMENT_MAX_SEATS, substituteSeats: rules.PARLIAMENT_MAX_SEATS };
  if (COMMUNE_ORGANS.includes(kind)) return { principalSeats: rules.COMMUNE_ORGAN_PRINCIPALS, substituteSeats: rules.COMMUNE_ORGAN_SUBSTITUTES };
  return { principalSeats: rules.UNIT_PRINCIPALS, substituteSeats: rules.UNIT_SUBSTITUTES };
}
