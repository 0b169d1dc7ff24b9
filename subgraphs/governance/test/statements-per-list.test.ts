import { cloneRows, testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGovernance, type GovernanceHarness } from './harness.js';

// Issue 6: the SQL statements of a request are the same for a list of 10 and of 1,000, nested fields included.
const ORGAN = `query($id: ID!) { organ(id: $id) { id name currentMandates { id role seat status startOn termEndsOn revokedOn onBehalfOf
  spokesperson { id name mandates { id organ { kind } } } organ { id name bodyId } election { heldOn electoralCommission { kind } }
  recall { decidedOn } provenance { synthetic } } } }`;

describe.each(await testDatabases())('statements per list on $kind', (database) => {
  let g: GovernanceHarness;
  const organs: number[] = [];
  beforeAll(async () => {
    g = await startGovernance(database);
    const execute = (sql: string, params?: unknown[]) => g.subgraph.orm.em.fork().getConnection().execute(sql, params ?? []);
    const today = new Date().toISOString().slice(0, 10);
    const [current] = await execute('select id, organ_id as "organId" from mandate where revoked_on is null and start_on <= ? and term_ends_on >= ? order by id limit 1', [today, today]);
    // Two new organs like the mandate's, one given 10 mandates in force and the other 1,000, each with a spokesperson of its own.
    organs.push(...(await cloneRows(execute, 'organ', Number(current!.organId), 2, (i) => ({ name: `Comité de prueba ${i}`, topic: `prueba-${i}` }))));
    for (const [organ, n] of [[organs[0]!, 10], [organs[1]!, 1000]] as const) {
      const people = await cloneRows(execute, 'spokesperson', 1, n, (i) => ({ name: `Vocera de prueba ${organ}-${i}` }));
      await cloneRows(execute, 'mandate', Number(current!.id), n, (i) => ({ organ_id: organ, spokesperson_id: people[i], seat: i + 1, role: 'PRINCIPAL' }));
    }
  }, 120_000);
  afterAll(() => g?.close());

  it('serves an organ\'s 1,000 mandates in force with their people, elections and recalls in as many statements as 10', async () => {
    const run = async (organ: number) => {
      g.statements.reset();
      const result = await g.run(ORGAN, { id: `organ:${organ}` });
      expect(result.errors).toBeUndefined();
      return { count: g.statements.count, mandates: result.data!.organ.currentMandates as Record<string, any>[] };
    };
    const ten = await run(organs[0]!);
    const thousand = await run(organs[1]!);
    expect(ten.mandates).toHaveLength(10);
    expect(thousand.mandates).toHaveLength(1000);
    expect(thousand.mandates.every((m) => m.spokesperson.mandates.length === 1 && m.election.heldOn && m.organ.id === `organ:${organs[1]}`)).toBe(true);
    expect(thousand.count).toBe(ten.count);
  });
});
