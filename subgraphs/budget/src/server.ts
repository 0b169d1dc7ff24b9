import { replaceSqliteTriggers } from '@comuna/subgraph-kit';
import type { SubgraphDefinition } from '@comuna/subgraph-kit';
import { entities } from './entities/index.js';
import { createLoaders, type BudgetLoaders } from './loaders/index.js';
import { createResolvers } from './resolvers/index.js';
import { typeDefs } from './schema.js';
import { seedSample } from './seed/sample.js';
import { sqliteTriggers } from './summaries/triggers.js';

/** The budget subgraph, ready for the kit to serve (`startSubgraph`) or to test in process (`createSubgraph`). */
export function budgetSubgraph(): SubgraphDefinition<BudgetLoaders> {
  return {
    name: 'budget',
    typeDefs,
    resolvers: createResolvers(),
    entities,
    migrationsPath: new URL('./migrations', import.meta.url).pathname,
    createLoaders,
    seedSample,
    // Replaced on every start: a trigger changed by a newer version must not be skipped.
    installSqliteObjects: (em) => replaceSqliteTriggers(em, sqliteTriggers()),
  };
}
