import { fuzzMutation, mutationFuzzCases, testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { typeDefs } from '../src/schema.js';
import { startBudget, type BudgetHarness } from './harness.js';

const cases = mutationFuzzCases(typeDefs, ['council', 'commune', 'circuit', 'consultation', 'entry', 'project', 'proposal', 'source', 'transfer']);

describe.each(await testDatabases())('fuzzed budget mutations on $kind', (database) => {
  let t: BudgetHarness;
  beforeAll(async () => {
    t = await startBudget(database);
  });
  afterAll(() => t?.close());

  it.each(cases.map((c) => [c.name, c] as const))('%s: never an internal error, and a refusal writes nothing', (_name, fuzzCase) =>
    fuzzMutation(t, fuzzCase, database.kind === 'sqlite' ? 150 : 40), 120_000);
});
