import './telemetry.js';
import { loadGatewayConfig } from './config.js';
import { avoidPretenuring, collectOnceReady, limitHeapGrowth } from '@comuna/subgraph-kit/heap-growth';
import { startGateway } from './server.js';

const config = loadGatewayConfig();
limitHeapGrowth(config.HEAP_GROWING_PERCENT);
avoidPretenuring();
const running = await startGateway(config);
collectOnceReady();
console.log(`gateway ready at ${running.url} (subgraphs: ${Object.entries(config.subgraphUrls).map(([n, u]) => `${n} ${u}`).join(', ')})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void running.close().then(() => process.exit(0)));
}
