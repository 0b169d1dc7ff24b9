import type { SubgraphContext } from '@comuna/subgraph-kit';
import type { TerritoryLoaders } from './loaders/index.js';

/** What every territory resolver receives: a per-request EntityManager, loaders and the caller. */
export type TerritoryContext = SubgraphContext<TerritoryLoaders>;
