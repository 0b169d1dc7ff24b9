import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGovernance, startTerritoryProcess, writer, type GovernanceHarness, type TerritoryProcess } from './harness.js';

const FACT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Territory { id lastQuorateAssemblyOn
  governanceTrend(period: { from: "2026-01-01", to: "2026-12-31" }, bucket: QUARTER) { period assembliesHeld quorateAssemblies } } } }`;
const RECORD = `mutation($input: RecordAssemblyInput!) { recordAssembly(input: $input) { id quorum { met } } }`;
const council = { __typename: 'Territory', id: 'council:12', scope: { everything: false, councilIds: ['council:12'], communeIds: [], circuitIds: [] } };

describe.each(await testDatabases())('analytics after a write on $kind', (database) => {
  let t: TerritoryProcess;
  let g: GovernanceHarness;
  beforeAll(async () => {
    t = await startTerritoryProcess();
    g = await startGovernance(database, { territoryUrl: t.url });
  });
  afterAll(async () => {
    await g?.close();
    await t?.stop();
  });

  it('reads the facts and trend afresh after a mutation in the same request context', async () => {
    // One context for the three operations, as for the root fields of one request: the loaders are shared.
    const ctx = g.subgraph.createContext(undefined, writer);
    const run = async (query: string, variables: Record<string, unknown>) => {
      const response = await g.subgraph.apollo.executeOperation({ query, variables }, { contextValue: ctx });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      expect(response.body.singleResult.errors).toBeUndefined();
      return response.body.singleResult.data as Record<string, any>;
    };
    const today = new Date().toISOString().slice(0, 10);
    const before = (await run(FACT, { r: [council] }))._entities[0];
    expect(before.lastQuorateAssemblyOn).not.toBe(today);
    const written = await run(RECORD, { input: { bodyId: 'council:12', heldOn: today, attendance: 300, agenda: ['Rendición de cuentas'], decisions: [] } });
    expect(written.recordAssembly.quorum.met).toBe(true);
    const after = (await run(FACT, { r: [council] }))._entities[0];
    expect(after.lastQuorateAssemblyOn).toBe(today);
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) + 2) / 3)}`;
    const held = (trend: { period: string; assembliesHeld: number }[]) => trend.find((p) => p.period === quarter)?.assembliesHeld ?? 0;
    expect(held(after.governanceTrend)).toBe(held(before.governanceTrend) + 1);
  });
});
