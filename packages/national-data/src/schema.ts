// @ts-expect-error plain JavaScript shared with `npm start` and the end-to-end tests
import { freePort, launch, subgraphEntry } from '../../../scripts/processes.js';
import type { SubgraphName } from './dataset.js';

/**
 * Creates a subgraph's schema the way the subgraph itself does on start (schema generation on SQLite, migrations
 * on PostgreSQL): boots its built server once on the database with SEED=none, waits until ready, stops it.
 */
export async function prepareSchema(name: SubgraphName, databaseUrl: string): Promise<void> {
  const port = (await freePort()) as number;
  const started = (await launch(name, subgraphEntry(name), { PORT: String(port), DATABASE_URL: databaseUrl, SEED: 'none', TRUST_MODE: 'open', NODE_ENV: 'development' }, `http://127.0.0.1:${port}/ready`, {
    quiet: true,
    timeoutMs: 60_000,
  })) as { stop(): Promise<void> };
  await started.stop();
}
