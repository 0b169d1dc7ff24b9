import { CONTEXT_HEADER, encodeActor, signInternal, signRequest } from '@comuna/subgraph-kit/signed-context';
import { actorFrom } from '@comuna/subgraph-kit/actor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript shared with `npm start`
import { freePort } from '../scripts/processes.js';
import { bearer, contextSecret, gateway, mintDevToken, service, type Gateway, type GraphQLResponse, type Service } from './harness.js';

const TTL_MS = 1_000;
const SUBJECT = 'idp|ana-karina';

/** The day `n` days before today (UTC), as the API writes dates. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function data(result: GraphQLResponse): any {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return Object.values(result.data as object)[0];
}

const PROPOSE = 'mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { id } }';
const project = (bodyId: string, name: string) => ({ input: { name, category: 'WATER', bodyId, estimatedCost: '1000', currency: 'VES', proposedOn: daysAgo(1) } });

describe('roles derived from active mandates', () => {
  let territory: Service;
  let governance: Service;
  let budget: Service;
  let gw: Gateway;
  let user: Record<string, string>;
  let mandateId: string;
  let council: { id: string; census: { families: number } };
  beforeAll(async () => {
    territory = await service('territory');
    [governance, budget] = await Promise.all([service('governance', { env: { TERRITORY_URL: territory.url } }), service('budget')]);
    gw = await gateway([territory, governance, budget], { MANDATE_ROLES_TTL_MS: String(TTL_MS) });
    user = { authorization: `Bearer ${await mintDevToken({ subject: SUBJECT, grants: [] })}` };
  });
  afterAll(async () => {
    await gw?.stop();
    await Promise.all([governance, budget].map((s) => s?.stop()));
    await territory?.stop();
  });

  /** What governance's internal route answers a correctly signed call (the gateway's view). */
  async function lookup(subject = SUBJECT) {
    const query = `?${new URLSearchParams({ subject })}`;
    const response = await fetch(`${new URL('/internal/active-mandates', governance.url)}${query}`, { headers: signInternal(contextSecret, 'active-mandates', query) });
    expect(response.status).toBe(200);
    return ((await response.json()) as { bodies: string[] }).bodies;
  }
  const proposals = async () => ((await gw.query('{ budgetAuditSummary { action count } }')).data.budgetAuditSummary as { action: string; count: number }[]).find((a) => a.action === 'proposeProject')?.count ?? 0;

  it('a linked spokesperson with an active mandate on commune:1 writes for commune:1 with a token that carries no grants', async () => {
    const admin = await bearer('ADMIN');
    expect((await gw.query(PROPOSE, project('commune:1', 'Antes del mandato'), user)).errors![0]!.extensions!.code).toBe('FORBIDDEN');

    // A principal seat of commune:1's parliament, on behalf of one of its councils, from 30 days ago.
    const organs = await gw.query('{ organs(filter: { bodyIds: ["commune:1"], kinds: [COMMUNAL_PARLIAMENT] }, first: 1) { edges { node { id principalSeats } } } }');
    const parliament = organs.data.organs.edges[0].node;
    council = (await gw.query('{ commune(id: "commune:1") { councils { id census { families } } } }')).data.commune.councils[0];
    let elected: GraphQLResponse | undefined;
    for (let seat = parliament.principalSeats; seat > parliament.principalSeats - 10; seat--) {
      elected = await gw.query('mutation($input: ElectSpokespersonInput!) { electSpokesperson(input: $input) { id spokesperson { id } } }', {
        input: { organId: parliament.id, name: 'Ana Karina Rondón', role: 'PRINCIPAL', seat, onBehalfOf: council.id, electedOn: daysAgo(30) },
      }, admin);
      if (elected.errors?.[0]?.extensions?.code !== 'CONFLICT') break;
    }
    const mandate = data(elected!);
    mandateId = mandate.id;

    // Linking is a registry act: a spokesperson cannot link a login, a registry clerk can.
    const LINK = 'mutation($input: LinkSpokespersonIdentityInput!) { linkSpokespersonIdentity(input: $input) { id name } }';
    const link = { input: { spokespersonId: mandate.spokesperson.id, subject: SUBJECT } };
    expect((await gw.query(LINK, link, await bearer('SPOKESPERSON', ['commune:1']))).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(data(await gw.query(LINK, link, await bearer('REGISTRY_CLERK')))).toEqual({ id: mandate.spokesperson.id, name: 'Ana Karina Rondón' });
    // The login is in no public field.
    expect(JSON.stringify(await gw.query(`{ spokesperson(id: "${mandate.spokesperson.id}") { id name mandates { id } } }`))).not.toContain(SUBJECT);
    expect(await lookup()).toEqual(['commune:1']);

    // The denial above is cached for at most the TTL; after it, the mandate counts.
    await sleep(TTL_MS + 200);
    const before = await proposals();
    expect(data(await gw.query(PROPOSE, project('commune:1', 'Tanque de la vocera'), user))).toHaveProperty('id');
    const other = await gw.query(PROPOSE, project('commune:2', 'Fuera de su comuna'), user);
    expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await proposals()).toBe(before + 1);
  });

  it('when governance cannot be reached, users keep the grants in their tokens and requests do not fail', async () => {
    const closed = await freePort();
    const cut = await gateway([territory, governance, budget], { GOVERNANCE_URL: `http://127.0.0.1:${closed}/graphql`, MANDATE_ROLES_TTL_MS: String(TTL_MS) });
    try {
      const claimed = await bearer('SPOKESPERSON', ['commune:2'], SUBJECT);
      expect(data(await cut.query(PROPOSE, project('commune:2', 'Con su propio token'), claimed))).toHaveProperty('id');
      // Her mandate is active (the main gateway lets her write for commune:1), but this gateway cannot ask: fail closed.
      expect((await cut.query(PROPOSE, project('commune:1', 'Sin gobierno'), user)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect((await cut.query('{ nation { name } }')).data).toEqual({ nation: { name: 'Venezuela' } });
    } finally {
      await cut.stop();
    }
  });

  it('a recall withdraws the derived role within the TTL, and the refused write leaves nothing', async () => {
    const admin = await bearer('ADMIN');
    const families = council.census.families;
    const assembly = data(
      await gw.query('mutation($input: RecordAssemblyInput!) { recordAssembly(input: $input) { id decisions { id } } }', {
        input: { bodyId: council.id, heldOn: daysAgo(2), attendance: families, agenda: ['Revocatoria de la vocera'], decisions: [{ text: 'Revocar el mandato de la vocera', votesFor: families - 1, votesAgainst: 1, votesAbstaining: 0 }] },
      }, admin),
    );
    data(
      await gw.query('mutation($input: RecallMandateInput!) { recallMandate(input: $input) { id status } }', {
        input: { mandateId, requestedBy: 'SOCIAL_CONTROL_UNIT', requestedOn: daysAgo(10), reportedOn: daysAgo(5), decisionId: assembly.decisions[0].id },
      }, admin),
    );
    expect(await lookup()).toEqual([]);

    await sleep(TTL_MS + 200);
    const before = await proposals();
    const refused = await gw.query(PROPOSE, project('commune:1', 'Después de la revocatoria'), user);
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await proposals()).toBe(before);
    const listed = data(await gw.query('{ projects(filter: { bodyId: "commune:1" }, first: 100) { edges { node { name } } } }'));
    expect(listed.edges.map((e: any) => e.node.name)).toContain('Tanque de la vocera');
    expect(listed.edges.map((e: any) => e.node.name)).not.toContain('Después de la revocatoria');
  });

  it('no user can ask the lookup: it is not in the graph, and governance refuses calls not signed for it', async () => {
    const throughGateway = await gw.query(`{ activeMandates(subject: "${SUBJECT}") }`, undefined, await bearer('ADMIN'));
    expect(throughGateway.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const query = `?${new URLSearchParams({ subject: SUBJECT })}`;
    const url = `${new URL('/internal/active-mandates', governance.url)}${query}`;
    const context = encodeActor(actorFrom(SUBJECT, [{ role: 'ADMIN', bodies: ['*'] }]));
    for (const headers of [
      {},
      user,
      // what the gateway signs for a user's GraphQL request is no internal call
      { [CONTEXT_HEADER]: context, ...signRequest(contextSecret, context, query) },
      // an internal call signed for another route, or with another secret
      signInternal(contextSecret, 'other-route', query),
      signInternal('f'.repeat(64), 'active-mandates', query),
    ]) {
      expect((await fetch(url, { headers })).status).toBe(401);
    }
  });
});
