import { fuzzMutation, mutationFuzzCases, testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { typeDefs } from '../src/schema.js';
import { startProduction, type ProductionHarness } from './harness.js';

const cases = mutationFuzzCases(typeDefs, ['council', 'commune', 'unit', 'product', 'report', 'flow', 'price']);

describe.each(await testDatabases())('fuzzed production mutations on $kind', (database) => {
  let t: ProductionHarness;
  beforeAll(async () => {
    t = await startProduction(database);
  });
  afterAll(() => t?.close());

  it.each(cases.map((c) => [c.name, c] as const))('%s: never an internal error, and a refusal writes nothing', (_name, fuzzCase) =>
    fuzzMutation(t, fuzzCase, database.kind === 'sqlite' ? 150 : 40), 120_000);
});
