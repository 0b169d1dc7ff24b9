import { fuzzMutation, mutationFuzzCases, testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { typeDefs } from '../src/schema.js';
import { startGovernance, startTerritoryProcess, type GovernanceHarness, type TerritoryProcess } from './harness.js';

const cases = mutationFuzzCases(typeDefs, ['council', 'commune', 'circuit', 'decision', 'mandate', 'organ', 'spokesperson', 'assembly', 'federation']);

describe.each(await testDatabases())('fuzzed governance mutations on $kind', (database) => {
  let territory: TerritoryProcess;
  let g: GovernanceHarness;
  beforeAll(async () => {
    territory = await startTerritoryProcess();
    g = await startGovernance(database, { territoryUrl: territory.url });
  });
  afterAll(async () => {
    await g?.close();
    await territory?.stop();
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: never an internal error, and a refusal writes nothing', (_name, fuzzCase) =>
    fuzzMutation(g, fuzzCase, database.kind === 'sqlite' ? 150 : 40), 120_000);
});
