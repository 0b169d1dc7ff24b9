import { describe, expect, it } from 'vitest';
import { actorFrom } from './actor.js';
import { CONTEXT_HEADER, encodeActor, signRequest, verifyRequest } from './signed-context.js';

const secret = 'x'.repeat(40);
const actor = actorFrom('ana', [{ role: 'SPOKESPERSON', bodies: ['commune:1'] }]);
const body = '{"query":"mutation { x }","variables":{"a":1}}';

function signed(at = Date.now(), b = body, a = actor) {
  const context = encodeActor(a);
  return { [CONTEXT_HEADER]: context, ...signRequest(secret, context, b, at) };
}

describe('signed context', () => {
  it('carries the verified actor to the subgraph', () => {
    expect(verifyRequest(secret, signed(), body)).toEqual(actor);
  });

  it('refuses missing, stale, future, tampered and forged signatures', () => {
    expect(() => verifyRequest(secret, {}, body)).toThrow(/missing/);
    expect(() => verifyRequest(secret, signed(Date.now() - 31_000), body)).toThrow(/stale/);
    expect(() => verifyRequest(secret, signed(Date.now() + 31_000), body)).toThrow(/stale/);
    // the same signature over other variables
    expect(() => verifyRequest(secret, signed(), body.replace('"a":1', '"a":2'))).toThrow(/bad signature/);
    // claims swapped for an administrator's, signature kept
    const headers = signed();
    headers[CONTEXT_HEADER] = encodeActor(actorFrom('eve', [{ role: 'ADMIN', bodies: ['*'] }]));
    expect(() => verifyRequest(secret, headers, body)).toThrow(/bad signature/);
    // signed with another secret
    const context = encodeActor(actor);
    expect(() => verifyRequest(secret, { [CONTEXT_HEADER]: context, ...signRequest('y'.repeat(40), context, body) }, body)).toThrow(/bad signature/);
  });

  it('refuses well-signed but malformed claims', () => {
    const context = Buffer.from(JSON.stringify({ sub: 'x', grants: [{ role: 'KING', bodies: ['*'] }] })).toString('base64url');
    expect(() => verifyRequest(secret, { [CONTEXT_HEADER]: context, ...signRequest(secret, context, body) }, body)).toThrow(/malformed/);
  });
});

describe('internal calls', () => {
  const query = '?subject=idp%7Cana';
  it('are accepted only for the route, the query string and the time they were signed for', async () => {
    const { signInternal, verifyInternal } = await import('./signed-context.js');
    verifyInternal(secret, 'active-mandates', signInternal(secret, 'active-mandates', query), query);
    expect(() => verifyInternal(secret, 'active-mandates', signInternal(secret, 'other-route', query), query)).toThrow(/not signed for the internal route/);
    expect(() => verifyInternal(secret, 'active-mandates', signInternal(secret, 'active-mandates', query), '?subject=idp%7Ceve')).toThrow(/bad signature/);
    expect(() => verifyInternal(secret, 'active-mandates', signInternal('y'.repeat(40), 'active-mandates', query), query)).toThrow(/bad signature/);
    expect(() => verifyInternal(secret, 'active-mandates', signInternal(secret, 'active-mandates', query, Date.now() - 31_000), query)).toThrow(/stale/);
    expect(() => verifyInternal(secret, 'active-mandates', {}, query)).toThrow(/missing/);
  });

  it('cannot be replayed across: a user request signed by the gateway is no internal call, and the reverse', async () => {
    const { signInternal, verifyInternal } = await import('./signed-context.js');
    expect(() => verifyInternal(secret, 'active-mandates', signed(Date.now(), query), query)).toThrow(/not signed for the internal route/);
    expect(() => verifyRequest(secret, signInternal(secret, 'active-mandates', body), body)).toThrow(/malformed/);
  });
});
