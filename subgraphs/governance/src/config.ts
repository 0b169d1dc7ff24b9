import { parseConfig, subgraphConfigSchema } from '@comuna/subgraph-kit';
import { z } from 'zod';
import { governanceRulesSchema } from './rules/config.js';

export const governanceConfigSchema = subgraphConfigSchema
  .extend({
    PORT: subgraphConfigSchema.shape.PORT.default(4002),
    DATABASE_URL: subgraphConfigSchema.shape.DATABASE_URL.default('sqlite:data/governance.sqlite'),
    /** Territory's GraphQL endpoint: body sizes for quorum are asked of it, never read from its tables. */
    TERRITORY_URL: z.string().url().default('http://127.0.0.1:4001/graphql'),
    TERRITORY_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  })
  .extend(governanceRulesSchema.shape);

export type GovernanceConfig = ReturnType<typeof loadConfig>;

/** Reads the governance subgraph's configuration from the environment, once, at boot. */
export const loadConfig = (env: Record<string, string | undefined> = process.env) => parseConfig(governanceConfigSchema, env);
