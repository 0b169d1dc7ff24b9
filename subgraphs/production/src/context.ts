import type { SubgraphContext } from '@comuna/subgraph-kit';
import type { ProductionLoaders } from './loaders/index.js';

/** What every production resolver receives: a per-request EntityManager, loaders and the caller. */
export type ProductionContext = SubgraphContext<ProductionLoaders>;
