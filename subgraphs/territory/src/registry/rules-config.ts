import { z } from 'zod';

/**
 * Rules the law leaves open or that are still pending (the communal cities law was never enacted), kept in
 * configuration so a registry can follow its own practice without a code change.
 */
export const registryRulesSchema = z.object({
  COMMUNE_MIN_COUNCILS: z.coerce.number().int().min(1).default(2),
  COMMUNE_MAX_COUNCILS: z.coerce.number().int().min(1).default(60),
  CITY_MIN_COMMUNES: z.coerce.number().int().min(1).default(2),
  URBAN_MIN_FAMILIES: z.coerce.number().int().min(1).default(150),
  URBAN_MAX_FAMILIES: z.coerce.number().int().min(1).default(400),
  RURAL_MIN_FAMILIES: z.coerce.number().int().min(1).default(20),
  INDIGENOUS_MIN_FAMILIES: z.coerce.number().int().min(1).default(10),
});

export type RegistryRules = z.infer<typeof registryRulesSchema>;

export const defaultRegistryRules: RegistryRules = registryRulesSchema.parse({});
