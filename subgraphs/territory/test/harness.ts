import { actorFrom, createSubgraph, StatementCounter, type Actor, type Subgraph } from '@comuna/subgraph-kit';
import type { TestDatabase } from '@comuna/subgraph-kit/testing';
import type { TerritoryLoaders } from '../src/loaders/index.js';
import { territorySubgraph } from '../src/server.js';

/** A registry clerk with every body in scope: the usual author of registry changes. */
export const clerk = actorFrom('clerk-test', [{ role: 'REGISTRY_CLERK', bodies: ['*'] }]);

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
}

export interface TerritoryHarness {
  subgraph: Subgraph<TerritoryLoaders>;
  statements: StatementCounter;
  /** Runs an operation as `actor` (a registry clerk by default). */
  run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, actor?: Actor): Promise<GraphQLResult<T>>;
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
    async run(query, variables, actor = clerk) {
      const response = await subgraph.apollo.executeOperation({ query, variables }, { contextValue: subgraph.createContext(undefined, actor) });
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
