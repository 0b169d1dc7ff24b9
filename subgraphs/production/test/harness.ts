import { actorFrom, createSubgraph, StatementCounter, type Actor, type Subgraph } from '@comuna/subgraph-kit';
import type { TestDatabase } from '@comuna/subgraph-kit/testing';
import { sampleDirectory } from '../src/bodies.js';
import type { ProductionLoaders } from '../src/loaders/index.js';
import { productionSubgraph } from '../src/server.js';

/** An administrator: may write production data for any body. */
export const admin = actorFrom('admin-test', [{ role: 'ADMIN', bodies: ['*'] }]);
/** A spokesperson of El Maizal (commune:1) only. */
export const maizalSpokesperson = actorFrom('vocera-maizal', [{ role: 'SPOKESPERSON', bodies: ['commune:1'] }]);

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
}

export interface ProductionHarness {
  subgraph: Subgraph<ProductionLoaders>;
  statements: StatementCounter;
  /** Runs an operation as `actor` (an administrator by default). */
  run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, actor?: Actor): Promise<GraphQLResult<T>>;
  /** Every row of every table, to prove a failed mutation changed nothing. */
  snapshot(): Promise<string>;
  close(): Promise<void>;
}

export const TABLES = ['product', 'production_unit', 'unit_product', 'production_report', 'report_revision', 'price_agreement', 'exchange_flow', 'audit_entry'];
/** Tables without an id column, dumped in key order. */
export const KEYED_TABLES: Record<string, string> = {
  body_state: 'body_id',
  production_state_output: 'state_id, month, product_id',
  production_state_type_output: 'state_id, month, unit_type, product_id',
  production_state_units: 'state_id, founded_month, unit_type',
  production_body_months: 'body_id, month',
};

/**
 * The production subgraph in process, on a fresh database of the given kind, seeded with the sample data. Bodies
 * are checked against the sample territory (in-process tests run without the territory subgraph).
 */
export async function startProduction(database: TestDatabase): Promise<ProductionHarness> {
  const handle = await database.create();
  const statements = new StatementCounter();
  const subgraph = await createSubgraph(productionSubgraph(sampleDirectory()), { databaseUrl: handle.url, seed: true, onStatement: statements.onStatement });
  return {
    subgraph,
    statements,
    async run(query, variables, actor = admin) {
      const response = await subgraph.apollo.executeOperation({ query, variables }, { contextValue: subgraph.createContext(undefined, actor) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as GraphQLResult<any>;
    },
    async snapshot() {
      const em = subgraph.orm.em.fork();
      const dump: Record<string, unknown> = {};
      for (const table of TABLES) dump[table] = await em.getConnection().execute(`select * from ${table} order by id`);
      for (const [table, key] of Object.entries(KEYED_TABLES)) dump[table] = await em.getConnection().execute(`select * from ${table} order by ${key}`);
      return JSON.stringify(dump, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    },
    async close() {
      await subgraph.close();
      await handle.drop();
    },
  };
}
