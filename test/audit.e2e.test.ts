import { entryHash } from '@comuna/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, gateway, service, type Gateway, type Service } from './harness.js';

const SUBGRAPHS = ['territory', 'governance', 'production', 'budget'] as const;

describe('audit trails of every subgraph through the gateway', () => {
  let services: Service[] = [];
  let gw: Gateway;
  beforeAll(async () => {
    // Governance and production ask territory about bodies, as deployed.
    const territory = await service('territory');
    services = [territory, ...(await Promise.all(SUBGRAPHS.slice(1).map((name) => service(name, { env: { TERRITORY_URL: territory.url } }))))];
    gw = await gateway(services);
  });
  afterAll(async () => {
    await gw?.stop();
    await Promise.all(services.map((s) => s.stop()));
  });

  it('shows who changed what to auditors only, and a per-action summary to everyone', async () => {
    const write = await gw.query(
      'mutation { registerCommunalCouncil(input: { name: "Consejo Comunal Auditado", parishId: "parish:1", setting: URBAN, families: 200, population: 800, registeredOn: "2025-01-10" }) { id } }',
      undefined,
      { ...(await bearer('REGISTRY_CLERK', ['*'], 'clerk-ana')), 'x-request-id': 'audit-e2e-1' },
    );
    expect(write.errors).toBeUndefined();
    const auditor = await bearer('AUDITOR');
    const fields = SUBGRAPHS.map((name) => `${name}: ${name}Audit(first: 5) { totalCount edges { node { action subject roles bodies requestId } } }`).join(' ');
    const trail = await gw.query(`{ ${fields} }`, undefined, auditor);
    expect(trail.errors).toBeUndefined();
    expect(trail.data.territory.edges[0].node).toEqual({ action: 'registerCommunalCouncil', subject: 'clerk-ana', roles: ['REGISTRY_CLERK'], bodies: ['parish:1'], requestId: 'audit-e2e-1' });
    for (const name of SUBGRAPHS) expect(trail.data[name].totalCount).toBeGreaterThanOrEqual(0);

    const anonymous = await gw.query(`{ ${fields} }`);
    expect(anonymous.errors!.map((e) => e.extensions!.code)).toEqual(SUBGRAPHS.map(() => 'UNAUTHENTICATED'));
    const summaries = await gw.query(`{ ${SUBGRAPHS.map((name) => `${name}: ${name}AuditSummary { action count }`).join(' ')} }`);
    expect(summaries.errors).toBeUndefined();
    expect(summaries.data.territory).toContainEqual({ action: 'registerCommunalCouncil', count: 1 });
  });

  /** The newest entry of a subgraph's trail for an action, with its changes parsed. */
  async function lastEntry(subgraph: string, action: string) {
    const trail = await gw.query(`{ ${subgraph}Audit(first: 20) { edges { node { action changes { entity id op before after } } } } }`, undefined, await bearer('AUDITOR'));
    expect(trail.errors).toBeUndefined();
    const node = trail.data[`${subgraph}Audit`].edges.map((e: any) => e.node).find((n: any) => n.action === action);
    expect(node, `${subgraph} ${action}`).toBeDefined();
    return (node.changes as any[]).map((c) => ({ ...c, before: c.before && JSON.parse(c.before), after: c.after && JSON.parse(c.after) }));
  }
  const ok = (result: any) => {
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return Object.values(result.data)[0] as any;
  };

  it('records every row a write changed, with its values before and after, in each subgraph', async () => {
    const admin = await bearer('ADMIN');
    // territory: a creation through the unit of work, then a census update through a raw, version-guarded statement
    const council = ok(await gw.query('mutation { registerCommunalCouncil(input: { name: "Consejo Comunal Cambios", parishId: "parish:1", setting: URBAN, families: 200, population: 800, registeredOn: "2025-01-10" }) { id registry { version } } }', undefined, admin));
    const key = council.id.split(':')[1];
    const version = council.registry.version;
    const created = await lastEntry('territory', 'registerCommunalCouncil');
    expect(created).toContainEqual(expect.objectContaining({ entity: 'CommunalCouncil', id: key, op: 'CREATE', before: null, after: expect.objectContaining({ name: 'Consejo Comunal Cambios', families: 200, population: 800, status: 'REGISTERED' }) }));
    expect(created).toContainEqual(expect.objectContaining({ entity: 'StatusChange', op: 'CREATE', after: expect.objectContaining({ bodyId: council.id, status: 'REGISTERED', previousStatus: null }) }));
    ok(await gw.query(`mutation { updateCensus(input: { councilId: "${council.id}", families: 210, households: 205, population: 830, asOf: "2025-06-01", expectedVersion: ${version} }) { id } }`, undefined, admin));
    expect(await lastEntry('territory', 'updateCensus')).toEqual([
      {
        entity: 'CommunalCouncil',
        id: key,
        op: 'UPDATE',
        before: { families: 200, households: 200, population: 800, censusAsOf: '2025-01-10', version },
        after: { families: 210, households: 205, population: 830, censusAsOf: '2025-06-01', version: version + 1 },
      },
    ]);

    // governance: a committee created
    const committee = ok(await gw.query('mutation { createCommittee(input: { bodyId: "council:12", name: "Comité de Agua Auditado", topic: "water", createdOn: "2025-02-01" }) { id } }', undefined, admin));
    expect(await lastEntry('governance', 'createCommittee')).toEqual([
      { entity: 'Organ', id: committee.id.split(':')[1], op: 'CREATE', before: null, after: expect.objectContaining({ bodyId: 'council:12', kind: 'COMMITTEE', name: 'Comité de Agua Auditado', topic: 'water' }) },
    ]);

    // production: a report, then its correction (a raw update of the report plus a new revision row)
    const units = await gw.query('{ productionUnits(filter: { ownerId: "commune:1", productId: "product:1" }, first: 1) { edges { node { id } } } }');
    const input = { unitId: units.data.productionUnits.edges[0].node.id, productId: 'product:1', month: '2024-11', quantity: '38.5' };
    const REPORT = 'mutation($input: ReportProductionInput!) { reportProduction(input: $input) { report { id } } }';
    const report = ok(await gw.query(REPORT, { input }, admin)).report;
    ok(await gw.query(REPORT, { input: { ...input, quantity: '40', correctionReason: 'recount at the silo' } }, admin));
    const corrected = await lastEntry('production', 'reportProduction');
    const reportKey = report.id.split(':')[1];
    expect(corrected).toHaveLength(2);
    expect(corrected[0]).toMatchObject({ entity: 'ProductionReport', id: reportKey, op: 'UPDATE', before: { revision: 1 }, after: { revision: 2 } });
    expect([String(corrected[0].before.quantity), String(corrected[0].after.quantity)]).toEqual(['38500', '40000']);
    expect(corrected[1]).toMatchObject({ entity: 'ReportRevision', op: 'CREATE', before: null, after: { revision: 2, reason: 'recount at the silo' } });

    // budget: a project approved (a raw status update plus a history row)
    const project = ok(await gw.query('mutation { proposeProject(input: { name: "Tanque auditado", category: WATER, bodyId: "council:13", estimatedCost: "1000", currency: "VES", proposedOn: "2025-03-01" }) { id } }', undefined, admin));
    ok(await gw.query(`mutation { changeProjectStatus(input: { projectId: "${project.id}", status: APPROVED, effectiveOn: "2025-04-01", reason: "assembly approved" }) { id } }`, undefined, admin));
    const approved = await lastEntry('budget', 'changeProjectStatus');
    expect(approved[0]).toEqual({ entity: 'Project', id: project.id.split(':')[1], op: 'UPDATE', before: { status: 'PROPOSED', approvedOn: null }, after: { status: 'APPROVED', approvedOn: '2025-04-01' } });
    expect(approved[1]).toMatchObject({ entity: 'ProjectStatusChange', op: 'CREATE', after: { status: 'APPROVED', previousStatus: 'PROPOSED', reason: 'assembly approved' } });
  });

  it('chains each body\'s entries by hash, and an auditor can recompute every link from what the graph shows', async () => {
    const trail = await gw.query(
      '{ territoryAudit(bodyId: "parish:1", first: 10) { edges { node { at subject roles action bodies requestId input result changes { entity id op before after } previousHash hash } } } }',
      undefined,
      await bearer('AUDITOR'),
    );
    expect(trail.errors).toBeUndefined();
    const entries = trail.data.territoryAudit.edges.map((e: any) => e.node).reverse();
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries[0].previousHash).toBeNull();
    const parse = (text: string | null) => (text === null ? null : JSON.parse(text));
    entries.forEach((entry: any, i: number) => {
      if (i > 0) expect(entry.previousHash).toBe(entries[i - 1].hash);
      const changes = entry.changes.map((c: any) => ({ ...c, before: parse(c.before), after: parse(c.after) }));
      const fields = { at: entry.at, subject: entry.subject, roles: entry.roles, action: entry.action, body: entry.bodies[0] ?? null, bodies: entry.bodies, requestId: entry.requestId, input: parse(entry.input), result: parse(entry.result), changes };
      expect(entryHash(entry.previousHash, fields)).toBe(entry.hash);
    });
  });
});
