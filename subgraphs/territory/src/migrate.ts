import { migrationCommand } from '@comuna/subgraph-kit';
import { loadConfig } from './config.js';
import { territorySubgraph } from './server.js';

// `npm run migrate -w @comuna/territory -- up|down|create` against DATABASE_URL (PostgreSQL).
const config = loadConfig();
const sourceDir = new URL('../src/migrations', import.meta.url).pathname;
console.log(await migrationCommand(territorySubgraph(config), process.argv[2] ?? 'up', config.DATABASE_URL, sourceDir));
