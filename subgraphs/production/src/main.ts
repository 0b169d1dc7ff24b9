import { startSubgraph } from '@comuna/subgraph-kit';
import { sampleDirectory, territoryDirectory } from './bodies.js';
import { loadConfig } from './config.js';
import { productionSubgraph } from './server.js';

const config = loadConfig();
const bodies = config.TERRITORY_URL === 'sample' ? sampleDirectory() : territoryDirectory(config.TERRITORY_URL, config.CONTEXT_SECRET);
const running = await startSubgraph(productionSubgraph(bodies), config);
console.log(`production subgraph ready at ${running.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void running.close().then(() => process.exit(0)));
}
