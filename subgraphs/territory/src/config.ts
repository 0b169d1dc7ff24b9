import { parseConfig, subgraphConfigSchema } from '@comuna/subgraph-kit';
import { activityRuleSchema } from './analytics/rule-config.js';
import { registryRulesSchema } from './registry/rules-config.js';

export const territoryConfigSchema = subgraphConfigSchema.extend({
  PORT: subgraphConfigSchema.shape.PORT.default(4001),
  DATABASE_URL: subgraphConfigSchema.shape.DATABASE_URL.default('sqlite:data/territory.sqlite'),
}).extend(registryRulesSchema.shape).extend(activityRuleSchema.shape);

export type TerritoryConfig = ReturnType<typeof loadConfig>;

/** Reads the territory subgraph's configuration from the environment, once, at boot. */
export const loadConfig = (env: Record<string, string | undefined> = process.env) => parseConfig(territoryConfigSchema, env);
