import { migrationCommand } from '@comuna/subgraph-kit';
import { loadConfig } from './config.js';
import { budgetSubgraph } from './server.js';

// `npm run migrate -w @comuna/budget -- up|down|create` against DATABASE_URL (PostgreSQL).
const config = loadConfig();
const sourceDir = new URL('../src/migrations', import.meta.url).pathname;
console.log(await migrationCommand(budgetSubgraph(), process.argv[2] ?? 'up', config.DATABASE_URL, sourceDir));
