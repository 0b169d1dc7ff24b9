import { z } from 'zod';

export const ACTIVITY_CRITERIA = ['QUORATE_ASSEMBLY', 'PRODUCTION_REPORTED', 'CONSULTATION_PARTICIPATION', 'LEDGER_ENTRY'] as const;
export type ActivityCriterion = (typeof ACTIVITY_CRITERIA)[number];

/**
 * The default activity rule (issue 10, ADR 0005). No law defines an "active" commune, so a registry sets its own
 * practice here; every query may still override each part of it.
 */
export const activityRuleSchema = z.object({
  ACTIVITY_WINDOW_MONTHS: z.coerce.number().int().min(1).max(120).default(6),
  ACTIVITY_CRITERIA: z
    .string()
    .default(ACTIVITY_CRITERIA.join(','))
    .transform((text) => [...new Set(text.split(',').map((c) => c.trim()).filter(Boolean))])
    .pipe(z.array(z.enum(ACTIVITY_CRITERIA)).min(1)),
  ACTIVITY_MINIMUM: z.coerce.number().int().min(1).max(ACTIVITY_CRITERIA.length).default(2),
});

export type ActivityDefaults = z.infer<typeof activityRuleSchema>;

/** The defaults from the parsed configuration (criteria already a list) or from nothing: the documented defaults. */
export function activityDefaults(config: object = {}): ActivityDefaults {
  const criteria = (config as { ACTIVITY_CRITERIA?: unknown }).ACTIVITY_CRITERIA;
  return activityRuleSchema.parse({ ...config, ACTIVITY_CRITERIA: Array.isArray(criteria) ? criteria.join(',') : criteria });
}
