import type { AssemblyKind, QuorumRule } from '../entities/assembly.js';
import type { GovernanceRules } from './config.js';

export interface QuorumMeasure {
  kind: AssemblyKind;
  rule: QuorumRule;
  required: number;
}

/**
 * The attendance an assembly needs. A council's citizens' assembly: at least ASSEMBLY_QUORUM_PERCENT of its
 * families, rounded up (10 % of 155 families is 16, not 15.5); a commune's parliament: more than half its seats.
 */
export function quorumFor(bodyKind: 'council' | 'commune', bodySize: number, rules: GovernanceRules): QuorumMeasure {
  if (bodyKind === 'council') {
    return { kind: 'CITIZENS_ASSEMBLY', rule: 'SHARE_OF_FAMILIES', required: Math.max(1, Math.ceil((bodySize * rules.ASSEMBLY_QUORUM_PERCENT) / 100)) };
  }
  return { kind: 'PARLIAMENT_SESSION', rule: 'MAJORITY_OF_SEATS', required: Math.floor(bodySize / 2) + 1 };
}

/** Seats of a commune's parliament: one spokesperson per council, plus producer organisations and the bank. */
export function parliamentSeats(councils: number, rules: GovernanceRules): number {
  return councils + rules.PARLIAMENT_PRODUCER_SEATS + rules.PARLIAMENT_BANK_SEATS;
}
