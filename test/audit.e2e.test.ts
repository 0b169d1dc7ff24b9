import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, gateway, service, type Gateway, type Service } from './harness.js';

const SUBGRAPHS = ['territory', 'governance', 'production', 'budget'] as const;

describe('audit trails of every subgraph through the gateway', () => {
  let services: Service[] = [];
  let gw: Gateway;
  beforeAll(async () => {
    services = await Promise.all(SUBGRAPHS.map((name) => service(name)));
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
});
