import { scopedPolicy, type SubgraphDefinition } from '@comuna/subgraph-kit';
import { entities } from './entities/index.js';
import { createLoaders, type TerritoryLoaders } from './loaders/index.js';
import { defaultRegistryRules, type RegistryRules } from './registry/rules-config.js';
import { createResolvers } from './resolvers/index.js';
import { typeDefs } from './schema.js';
import { seedSample } from './seed/sample.js';

/** The territory subgraph, ready for the kit to serve (`startSubgraph`) or to test in process (`createSubgraph`). */
export function territorySubgraph(rules: RegistryRules = defaultRegistryRules): SubgraphDefinition<TerritoryLoaders> {
  return {
    name: 'territory',
    typeDefs,
    resolvers: createResolvers(rules),
    entities,
    migrationsPath: new URL('./migrations', import.meta.url).pathname,
    createLoaders,
    seedSample,
    // Registry changes belong to registry clerks (and administrators), anywhere in the country.
    policy: scopedPolicy('registry:write'),
  };
}
