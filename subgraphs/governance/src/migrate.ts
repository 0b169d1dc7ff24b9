import { migrationCommand } from '@comuna/subgraph-kit';
import { loadConfig } from './config.js';
import { governanceSubgraph } from './server.js';

// `npm run migrate -w @comuna/governance -- up|down|create` against DATABASE_URL (PostgreSQL).
const config = loadConfig();
const sourceDir = new URL('../src/migrations', import.meta.url).pathname;
console.log(await migrationCommand(governanceSubgraph({ rules: config }), process.argv[2] ?? 'up', config.DATABASE_URL, sourceDir));
