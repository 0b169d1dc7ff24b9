import { replaceSqliteTriggers } from '@comuna/subgraph-kit';
import type { SubgraphDefinition } from '@comuna/subgraph-kit';
import { entities } from './entities/index.js';
import { activeMandates } from './internal/active-mandates.js';
import { createLoaders, type GovernanceLoaders } from './loaders/index.js';
import { createResolvers } from './resolvers/index.js';
import { defaultGovernanceRules, type GovernanceRules } from './rules/config.js';
import { typeDefs } from './schema.js';
import { seedSample } from './seed/sample.js';
import { sqliteTriggers } from './summaries/triggers.js';
import { httpTerritoryClient, type TerritoryClient } from './territory/client.js';

export interface GovernanceOptions {
  rules?: GovernanceRules;
  /** Where body sizes come from; by default territory's GraphQL API at TERRITORY_URL. */
  territory?: TerritoryClient;
  territoryUrl?: string;
  territoryTimeoutMs?: number;
  /** The shared secret subgraph requests are signed with (absent in open trust mode). */
  contextSecret?: string;
}

/** The governance subgraph, ready for the kit to serve (`startSubgraph`) or to test in process (`createSubgraph`). */
export function governanceSubgraph(options: GovernanceOptions = {}): SubgraphDefinition<GovernanceLoaders> {
  const rules = options.rules ?? defaultGovernanceRules;
  const territory = options.territory ?? httpTerritoryClient(options.territoryUrl ?? 'http://127.0.0.1:4001/graphql', options.territoryTimeoutMs ?? 5000, options.contextSecret);
  return {
    name: 'governance',
    typeDefs,
    resolvers: createResolvers(rules, territory),
    entities,
    migrationsPath: new URL('./migrations', import.meta.url).pathname,
    createLoaders,
    seedSample: (em) => seedSample(em, rules),
    // The gateway derives SPOKESPERSON grants from these (ADR 0002); no client can ask through the graph.
    internalRoutes: { 'active-mandates': activeMandates },
    // Replaced on every start: a trigger changed by a newer version must not be skipped.
    installSqliteObjects: (em) => replaceSqliteTriggers(em, sqliteTriggers()),
  };
}

export { defaultGovernanceRules, type GovernanceRules } from './rules/config.js';
export type { TerritoryClient } from './territory/client.js';
