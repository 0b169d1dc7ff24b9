import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actorFrom, createSubgraph, StatementCounter, type Actor, type Subgraph } from '@comuna/subgraph-kit';
import type { TestDatabase } from '@comuna/subgraph-kit/testing';
// @ts-expect-error plain JavaScript shared with `npm start`
import { freePort, launch, subgraphEntry } from '../../../scripts/processes.js';
import { tables } from '../src/entities/index.js';
import type { GovernanceLoaders } from '../src/loaders/index.js';
import { governanceSubgraph, type GovernanceOptions } from '../src/server.js';

/** A spokesperson-role writer over every body: may record governance anywhere. */
export const writer = actorFrom('governance-test', [{ role: 'SPOKESPERSON', bodies: ['*'] }]);

/** The secret territory checks signatures with; governance's client signs with it, as in production. */
export const contextSecret = randomBytes(32).toString('hex');

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
}

export interface TerritoryProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * The territory subgraph as a real process (built dist, sample data, its own SQLite file): governance asks it for
 * body sizes over HTTP exactly as in production, and never sees its tables.
 */
export async function startTerritoryProcess(): Promise<TerritoryProcess> {
  const scratch = mkdtempSync(join(tmpdir(), 'governance-territory-'));
  const port = await freePort();
  const started = await launch('territory', subgraphEntry('territory'), { PORT: String(port), DATABASE_URL: `sqlite:${join(scratch, 'territory.sqlite')}`, SEED: 'sample', CONTEXT_SECRET: contextSecret }, `http://127.0.0.1:${port}/ready`, { quiet: true });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await started.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export interface GovernanceHarness {
  subgraph: Subgraph<GovernanceLoaders>;
  statements: StatementCounter;
  /** Runs an operation as `actor` (a writer over every body by default). */
  run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, actor?: Actor): Promise<GraphQLResult<T>>;
  /** Every row of every table, audit_entry included, to prove a failed mutation changed nothing. */
  snapshot(): Promise<string>;
  close(): Promise<void>;
}

/** The governance subgraph in process, on a fresh database of the given kind, seeded with the sample data. */
export async function startGovernance(database: TestDatabase, options: GovernanceOptions = {}): Promise<GovernanceHarness> {
  const handle = await database.create();
  const statements = new StatementCounter();
  const subgraph = await createSubgraph(governanceSubgraph({ contextSecret, ...options }), { databaseUrl: handle.url, seed: true, onStatement: statements.onStatement });
  return {
    subgraph,
    statements,
    async run(query, variables, actor = writer) {
      const response = await subgraph.apollo.executeOperation({ query, variables }, { contextValue: subgraph.createContext(undefined, actor) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as GraphQLResult<any>;
    },
    async snapshot() {
      const em = subgraph.orm.em.fork();
      const dump: Record<string, unknown> = {};
      // Summary tables and the state map have composite or text keys instead of an id.
      for (const table of tables) dump[table] = await em.getConnection().execute(`select * from ${table} order by ${table === 'body_state' ? '1' : table.startsWith('governance_state_') ? '1, 2, 3' : 'id'}`);
      return JSON.stringify(dump);
    },
    async close() {
      await subgraph.close();
      await handle.drop();
    },
  };
}
