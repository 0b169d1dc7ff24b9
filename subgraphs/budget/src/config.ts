import { parseConfig, subgraphConfigSchema } from '@comuna/subgraph-kit';

export const budgetConfigSchema = subgraphConfigSchema.extend({
  PORT: subgraphConfigSchema.shape.PORT.default(4004),
  DATABASE_URL: subgraphConfigSchema.shape.DATABASE_URL.default('sqlite:data/budget.sqlite'),
});

export type BudgetConfig = ReturnType<typeof loadConfig>;

/** Reads the budget subgraph's configuration from the environment, once, at boot. */
export const loadConfig = (env: Record<string, string | undefined> = process.env) => parseConfig(budgetConfigSchema, env);
