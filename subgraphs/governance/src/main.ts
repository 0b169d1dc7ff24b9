import { startSubgraph } from '@comuna/subgraph-kit';
import { loadConfig } from './config.js';
import { governanceSubgraph } from './server.js';

const config = loadConfig();
const running = await startSubgraph(governanceSubgraph({ rules: config, territoryUrl: config.TERRITORY_URL, territoryTimeoutMs: config.TERRITORY_TIMEOUT_MS, contextSecret: config.TRUST_MODE === 'signed' ? config.CONTEXT_SECRET : undefined }), config);
console.log(`governance subgraph ready at ${running.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void running.close().then(() => process.exit(0)));
}
