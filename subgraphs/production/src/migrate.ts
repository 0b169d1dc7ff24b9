import { migrationCommand } from '@comuna/subgraph-kit';
import { sampleDirectory } from './bodies.js';
import { loadConfig } from './config.js';
import { productionSubgraph } from './server.js';

// `npm run migrate -w @comuna/production -- up|down|create` against DATABASE_URL (PostgreSQL).
const config = loadConfig();
const sourceDir = new URL('../src/migrations', import.meta.url).pathname;
console.log(await migrationCommand(productionSubgraph(sampleDirectory()), process.argv[2] ?? 'up', config.DATABASE_URL, sourceDir));
