import { existsSync } from 'node:fs';
import type { SubgraphName } from './dataset.js';

/** Statements a subgraph asks a bulk load to run around its inserts (e.g. summary triggers off, then a rebuild). */
export interface BulkLoad {
  before: string[];
  after: string[];
}

/**
 * The subgraph's own bulk-load statements, from its built `dist/bulk-load.js` when it has one (production and
 * budget keep state summaries that a per-row trigger would make slow to load). Read by path, like the subgraph's
 * server in schema.ts, so this package depends on no subgraph.
 */
export async function bulkLoadOf(name: SubgraphName, kind: 'sqlite' | 'postgresql'): Promise<BulkLoad | undefined> {
  const file = new URL(`../../../subgraphs/${name}/dist/bulk-load.js`, import.meta.url);
  if (!existsSync(file)) return undefined;
  const module = (await import(file.href)) as { bulkLoad?: (kind: 'sqlite' | 'postgresql') => BulkLoad };
  return module.bulkLoad?.(kind);
}
