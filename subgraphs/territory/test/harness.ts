import { createSubgraph, StatementCounter, type Subgraph } from '@comuna/subgraph-kit';
import type { TestDatabase } from '@comuna/subgraph-kit/testing';
import type { TerritoryLoaders } from '../src/loaders/index.js';
import { territorySubgraph } from '../src/server.js';

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
}

export interface TerritoryHarness {
  subgraph: Subgraph<TerritoryLoaders>;
  statements: StatementCounter;
  run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** Every row of every table, to prove a failed mutation changed nothing. */
  snapshot(): Promise<string>;
  close(): Promise<void>;
}

/** The territory subgraph in process, on a fresh database of the given kind, seeded with the sample data. */
export async function startTerritory(database: TestDatabase): Promise<TerritoryHarness> {
  const handle = await database.create();
  const statements = new StatementCounter();
  const subgraph = await createSubgraph(territorySubgraph(), { databaseUrl: handle.url, seed: true, onStatement: statements.onStatement });
  return {
    subgraph,
    statements,
    async run(query, variables) {
      const response = await subgraph.apollo.executeOperation({ query, variables }, { contextValue: subgraph.createContext() });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as GraphQLResult<any>;
    },
    async snapshot() {
      const em = subgraph.orm.em.fork();
      const tables = ['state', 'municipality', 'parish', 'communal_city', 'commune', 'communal_circuit', 'communal_council', 'status_change', 'audit_entry'];
      const dump: Record<string, unknown> = {};
      for (const table of tables) dump[table] = await em.getConnection().execute(`select * from ${table} order by id`);
      return JSON.stringify(dump);
    },
    async close() {
      await subgraph.close();
      await handle.drop();
    },
  };
}
