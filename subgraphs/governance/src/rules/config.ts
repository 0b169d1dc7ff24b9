import { z } from 'zod';

/**
 * Figures the law sets today but may change (Ley Orgánica de los Consejos Comunales arts. 39-41, Ley Orgánica de
 * las Comunas): kept in configuration so a reform is a setting, not a release.
 */
export const governanceRulesSchema = z.object({
  /** A citizens' assembly is quorate with at least this share, in per cent, of the council's families present. */
  ASSEMBLY_QUORUM_PERCENT: z.coerce.number().int().min(1).max(100).default(10),
  /** Seats of a commune's parliament besides one per council: producer organisations and the communal bank. */
  PARLIAMENT_PRODUCER_SEATS: z.coerce.number().int().min(0).default(3),
  PARLIAMENT_BANK_SEATS: z.coerce.number().int().min(0).default(1),
  /** Seats of each unit or committee of a council. */
  UNIT_PRINCIPALS: z.coerce.number().int().min(1).default(5),
  UNIT_SUBSTITUTES: z.coerce.number().int().min(0).default(2),
  /** Seats of a commune's economy council, bank and comptroller council (5 + 5 in the 2010 law). */
  COMMUNE_ORGAN_PRINCIPALS: z.coerce.number().int().min(1).default(5),
  COMMUNE_ORGAN_SUBSTITUTES: z.coerce.number().int().min(0).default(5),
  /** Upper bound of parliament seats per role: a parliament grows with its councils. */
  PARLIAMENT_MAX_SEATS: z.coerce.number().int().min(1).default(100),
  MANDATE_YEARS: z.coerce.number().int().min(1).max(10).default(3),
  /** Residents aged 15+ who must sign a recall request, in per cent. */
  RECALL_SIGNATURE_PERCENT: z.coerce.number().int().min(1).max(100).default(10),
  /** Days the unit has to report on a recall request. */
  RECALL_REPORT_DAYS: z.coerce.number().int().min(1).default(15),
});

export type GovernanceRules = z.infer<typeof governanceRulesSchema>;

export const defaultGovernanceRules: GovernanceRules = governanceRulesSchema.parse({});
