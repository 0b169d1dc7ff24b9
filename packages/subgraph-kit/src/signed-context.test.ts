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
