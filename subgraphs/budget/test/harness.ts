import { createSubgraph, StatementCounter, type Subgraph } from '@comuna/subgraph-kit';
import type { TestDatabase } from '@comuna/subgraph-kit/testing';
import type { BudgetLoaders } from '../src/loaders/index.js';
import { budgetSubgraph } from '../src/server.js';

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
}

export interface BudgetHarness {
  subgraph: Subgraph<BudgetLoaders>;
  statements: StatementCounter;
  run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** Every row of every table, to prove a failed mutation changed nothing. */
  snapshot(): Promise<string>;
  sql(query: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** A national administrator: the write gate lets it write for any body (writes are tested here, not authorization). */
const admin = { subject: 'test-admin', roles: ['ADMIN'], grants: [{ role: 'ADMIN', bodies: ['*'] }] };

export const TABLES = ['known_body', 'funding_source', 'project', 'project_status_change', 'transfer', 'consultation', 'proposal', 'circuit_tally', 'ledger_entry', 'audit_entry', 'budget_state_money', 'budget_state_projects', 'budget_state_turnout'];

/** The budget subgraph in process, on a fresh database of the given kind, seeded with the sample data. */
export async function startBudget(database: TestDatabase): Promise<BudgetHarness> {
  const handle = await database.create();
  const statements = new StatementCounter();
  const subgraph = await createSubgraph(budgetSubgraph(), { databaseUrl: handle.url, seed: true, onStatement: statements.onStatement });
  const createContext = subgraph.createContext as (req?: unknown, actor?: unknown) => ReturnType<typeof subgraph.createContext>;
  return {
    subgraph,
    statements,
    async run(query, variables) {
      const response = await subgraph.apollo.executeOperation({ query, variables }, { contextValue: createContext(undefined, admin) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as GraphQLResult<any>;
    },
    async snapshot() {
      const em = subgraph.orm.em.fork();
      const dump: Record<string, unknown> = {};
      for (const table of TABLES) dump[table] = await em.getConnection().execute(`select * from ${table} order by 1, 2, 3`);
      return JSON.stringify(dump, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
    },
    sql: (query, params = []) => subgraph.orm.em.fork().getConnection().execute(query, params),
    async close() {
      await subgraph.close();
      await handle.drop();
    },
  };
}
