import type { SubgraphContext } from '@comuna/subgraph-kit';
import type { GovernanceLoaders } from './loaders/index.js';

/** What every governance resolver receives: a per-request EntityManager, loaders and the caller. */
export type GovernanceContext = SubgraphContext<GovernanceLoaders>;
