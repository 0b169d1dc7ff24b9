import type { SubgraphContext } from '@comuna/subgraph-kit';
import type { BudgetLoaders } from './loaders/index.js';

/** What every budget resolver receives: a per-request EntityManager, loaders and the caller. */
export type BudgetContext = SubgraphContext<BudgetLoaders>;
