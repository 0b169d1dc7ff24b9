import type { IncomingMessage } from 'node:http';
import { verifyInternal } from '@comuna/subgraph-kit/signed-context';
import { describe, expect, it, vi } from 'vitest';
import { createAuthenticator } from './auth.js';
import { loadGatewayConfig } from './config.js';
import { mintDevToken } from './dev-tokens.js';
import { mandateLookup } from './mandate-grants.js';

const secret = 's'.repeat(40);

/** A governance stand-in that checks each call's signature and answers from `bodies`. */
function governance(bodies: Record<string, string[]>, fail = false) {
  const calls: string[] = [];
  const fetch = vi.fn(async (url: string, init: { headers: Record<string, string> }) => {
    const { pathname, search } = new URL(url);
    expect(pathname).toBe('/internal/active-mandates');
    verifyInternal(secret, 'active-mandates', init.headers, search);
    const subject = new URLSearchParams(search).get('subject')!;
    calls.push(subject);
    if (fail) throw new TypeError('fetch failed');
    return new Response(JSON.stringify({ subject, bodies: bodies[subject] ?? [] }), { status: 200 });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

describe('mandate lookup', () => {
  it('asks governance with a signed internal call and reuses the answer per subject until its time is up', async () => {
    let clock = 1_000;
    const g = governance({ 'idp|ana': ['commune:1'] });
    const lookup = mandateLookup({ governanceUrl: 'http://127.0.0.1:4002/graphql', secret, ttlMs: 30_000, timeoutMs: 500, fetch: g.fetch, now: () => clock });
    expect(await Promise.all([lookup('idp|ana'), lookup('idp|ana')])).toEqual([['commune:1'], ['commune:1']]);
    expect(await lookup('idp|bob')).toEqual([]);
    expect(g.calls).toEqual(['idp|ana', 'idp|bob']);
    clock += 29_999;
    await lookup('idp|ana');
    expect(g.calls).toHaveLength(2);
    clock += 2;
    await lookup('idp|ana');
    expect(g.calls).toEqual(['idp|ana', 'idp|bob', 'idp|ana']);
  });

  it('answers no bodies when governance fails or answers nonsense, and says so', async () => {
    const failures: string[] = [];
    const down = mandateLookup({ governanceUrl: 'http://127.0.0.1:4002/graphql', secret, ttlMs: 0, timeoutMs: 500, fetch: governance({}, true).fetch, onFailure: (_s, reason) => failures.push(reason) });
    expect(await down('idp|ana')).toEqual([]);
    const nonsense = vi.fn(async () => new Response(JSON.stringify({ bodies: ['*'] }), { status: 200 })) as unknown as typeof fetch;
    const odd = mandateLookup({ governanceUrl: 'http://127.0.0.1:4002/graphql', secret, ttlMs: 0, timeoutMs: 500, fetch: nonsense, onFailure: (_s, reason) => failures.push(reason) });
    expect(await odd('idp|ana')).toEqual([]);
    const refused = vi.fn(async () => new Response('{}', { status: 401 })) as unknown as typeof fetch;
    expect(await mandateLookup({ governanceUrl: 'http://127.0.0.1:4002/graphql', secret, ttlMs: 0, timeoutMs: 500, fetch: refused, onFailure: (_s, reason) => failures.push(reason) })('x')).toEqual([]);
    expect(failures).toEqual(['fetch failed', 'malformed answer', 'HTTP 401']);
  });

  it('keeps at most maxEntries subjects', async () => {
    const g = governance({});
    const lookup = mandateLookup({ governanceUrl: 'http://127.0.0.1:4002/graphql', secret, ttlMs: 60_000, timeoutMs: 500, maxEntries: 2, fetch: g.fetch });
    for (const s of ['a', 'b', 'c', 'b', 'a']) await lookup(s);
    // c pushed a out; b was still remembered; a had to be asked again
    expect(g.calls).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('authenticator with derived roles', () => {
  const config = loadGatewayConfig({ CONTEXT_SECRET: secret });
  const request = (token?: string) => ({ headers: token ? { authorization: `Bearer ${token}` } : {} }) as IncomingMessage;

  it('merges SPOKESPERSON over the mandates\' bodies into the token\'s grants; anonymous callers cause no lookup', async () => {
    const lookup = vi.fn(async (subject: string) => (subject === 'idp|ana' ? ['commune:1'] : []));
    const authenticate = await createAuthenticator(config, lookup);
    expect(await authenticate(request())).toMatchObject({ subject: null, grants: [] });
    expect(lookup).not.toHaveBeenCalled();
    const ana = await authenticate(request(await mintDevToken({ subject: 'idp|ana', grants: [] })));
    expect(ana.grants).toEqual([{ role: 'SPOKESPERSON', bodies: ['commune:1'] }]);
    const auditor = await authenticate(request(await mintDevToken({ subject: 'idp|ana', grants: [{ role: 'AUDITOR', bodies: ['*'] }] })));
    expect(auditor.grants).toEqual([{ role: 'AUDITOR', bodies: ['*'] }, { role: 'SPOKESPERSON', bodies: ['commune:1'] }]);
    expect(auditor.roles).toEqual(['AUDITOR', 'SPOKESPERSON']);
  });

  it('keeps the token\'s own grants when the lookup finds nothing (or failed), and never looks up for a bad token', async () => {
    const lookup = vi.fn(async () => [] as string[]);
    const authenticate = await createAuthenticator(config, lookup);
    const clerk = await authenticate(request(await mintDevToken({ subject: 'clerk', grants: [{ role: 'REGISTRY_CLERK', bodies: ['*'] }] })));
    expect(clerk.grants).toEqual([{ role: 'REGISTRY_CLERK', bodies: ['*'] }]);
    await expect(authenticate(request(await mintDevToken({ subject: 'eve', grants: [], secret: 'w'.repeat(40) })))).rejects.toThrow(/invalid token/);
    expect(lookup).toHaveBeenCalledTimes(1);
  });
});
