import { scopedPolicy, type SubgraphDefinition } from '@comuna/subgraph-kit';
import type { BodyDirectory } from './bodies.js';
import { entities } from './entities/index.js';
import { createLoaders, type ProductionLoaders } from './loaders/index.js';
import { createResolvers } from './resolvers/index.js';
import { typeDefs } from './schema.js';
import { seedSample } from './seed/sample.js';
import { installSqliteSummaries } from './summaries/install.js';

/** The production subgraph, ready for the kit to serve (`startSubgraph`) or to test in process (`createSubgraph`). */
export function productionSubgraph(bodies: BodyDirectory): SubgraphDefinition<ProductionLoaders> {
  return {
    name: 'production',
    typeDefs,
    resolvers: createResolvers(bodies),
    entities,
    migrationsPath: new URL('./migrations', import.meta.url).pathname,
    createLoaders,
    seedSample,
    // The state summaries' triggers (PostgreSQL gets them from the migration).
    installSqliteObjects: installSqliteSummaries,
    // Production data belong to the spokespersons of the bodies concerned (and administrators).
    policy: scopedPolicy('production:write'),
  };
}
