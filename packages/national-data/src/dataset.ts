import { seededRandom } from '@comuna/sample-data';
import { budgetTables } from './budget-tables.js';
import { governanceTables } from './governance-tables.js';
import { productionTables } from './production-tables.js';
import type { Table } from './table.js';
import { buildTerritory, type NationalTerritory } from './territory.js';
import { territoryTables } from './territory-tables.js';

export const SUBGRAPHS = ['territory', 'governance', 'production', 'budget'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

export interface NationalDataset {
  seed: string;
  scale: number;
  territory: NationalTerritory;
  tables: Record<SubgraphName, Table[]>;
}

export const DEFAULT_SEED = 'comuna-graph-national-v1';

/**
 * The national dataset for `seed` at `scale` (1 = the nation: ~47,000 councils, ~3,600 communes, ~50,000
 * production units; 0.01 is a town's worth for tests). The same seed and scale always give the same rows.
 */
export function nationalDataset(seed = DEFAULT_SEED, scale = 1): NationalDataset {
  if (!(scale > 0 && scale <= 4)) throw new Error(`scale must be in (0, 4]; got ${scale}`);
  const territory = buildTerritory(seededRandom(`${seed}/territory`), scale);
  return {
    seed,
    scale,
    territory,
    tables: {
      territory: territoryTables(territory),
      governance: governanceTables(seed, territory),
      production: productionTables(seed, territory),
      budget: budgetTables(seed, territory),
    },
  };
}
