import { startSubgraph } from '@comuna/subgraph-kit';
import { loadConfig } from './config.js';
import { budgetSubgraph } from './server.js';

const config = loadConfig();
const running = await startSubgraph(budgetSubgraph(), config);
console.log(`budget subgraph ready at ${running.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void running.close().then(() => process.exit(0)));
}
