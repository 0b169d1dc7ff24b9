import { CONTEXT_HEADER, encodeActor, signRequest } from '@comuna/subgraph-kit/signed-context';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, contextSecret, gateway, mintDevToken, service, type Gateway, type Service } from './harness.js';

/** Calls a subgraph directly, bypassing the gateway, with whatever headers an attacker could send. */
async function direct(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as any };
}

describe('trust: identity at the gateway, signed context to the subgraphs', () => {
  let territory: Service;
  let gw: Gateway;
  beforeAll(async () => {
    territory = await service('territory');
    gw = await gateway([territory]);
  });
  afterAll(async () => {
    await gw?.stop();
    await territory?.stop();
  });

  const entities = JSON.stringify({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Commune { name } } }', variables: { r: [{ __typename: 'Commune', id: 'commune:1' }] } });
  const sdl = JSON.stringify({ query: '{ _service { sdl } }' });
  const admin = encodeActor({ subject: 'eve', roles: ['ADMIN'], grants: [{ role: 'ADMIN', bodies: ['*'] }] });

  it('refuses unsigned requests to a subgraph, _entities and _service included', async () => {
    for (const body of [entities, sdl, JSON.stringify({ query: '{ nation { name } }' })]) {
      const response = await direct(territory.url, body);
      expect(response.status).toBe(401);
      expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses forged, tampered and stale signatures, and a client-sent identity header', async () => {
    expect((await direct(territory.url, entities, { [CONTEXT_HEADER]: admin })).status).toBe(401);
    expect((await direct(territory.url, entities, { [CONTEXT_HEADER]: admin, ...signRequest('f'.repeat(64), admin, entities) })).status).toBe(401);
    const good = { [CONTEXT_HEADER]: admin, ...signRequest(contextSecret, admin, entities) };
    expect((await direct(territory.url, entities.replace('commune:1', 'commune:2'), good)).status).toBe(401);
    expect((await direct(territory.url, entities, { [CONTEXT_HEADER]: admin, ...signRequest(contextSecret, admin, entities, Date.now() - 60_000) })).status).toBe(401);
    // the genuine article works: what the gateway itself would send
    const accepted = await direct(territory.url, entities, good);
    expect(accepted.status).toBe(200);
    expect(accepted.body.data._entities).toEqual([{ name: 'El Maizal' }]);
  });

  it('reads public data without a token, refuses a bad token, and strips identity headers a client sends', async () => {
    expect((await gw.query('{ nation { name } }')).data).toEqual({ nation: { name: 'Venezuela' } });
    const badToken = await gw.query('{ nation { name } }', undefined, { authorization: 'Bearer abc.def.ghi' });
    expect(badToken.status).toBe(401);
    expect(badToken.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const expired = await mintDevToken({ subject: 'x', grants: [{ role: 'ADMIN', bodies: ['*'] }], expiresAt: Math.floor(Date.now() / 1000) - 3600 });
    expect((await gw.query('{ nation { name } }', undefined, { authorization: `Bearer ${expired}` })).status).toBe(401);
    const wrongKey = await mintDevToken({ subject: 'x', grants: [{ role: 'ADMIN', bodies: ['*'] }], secret: 'w'.repeat(40) });
    expect((await gw.query('{ nation { name } }', undefined, { authorization: `Bearer ${wrongKey}` })).status).toBe(401);
    // a client claiming to be an administrator through the internal header gets nowhere
    const mutation = 'mutation { changeRegistryStatus(input: { bodyId: "commune:11", status: ACTIVE, effectiveOn: "2026-01-01", reason: "forged" }) { id } }';
    const forged = await gw.query(mutation, undefined, { [CONTEXT_HEADER]: admin });
    expect(forged.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const clerk = await gw.query(mutation, undefined, await bearer('REGISTRY_CLERK'));
    expect(clerk.errors).toBeUndefined();
  });
});
