import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateway, service, type Gateway, type Service } from './harness.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A POST the way APQ clients send it: the hash in `extensions.persistedQuery`, the query text only when registering. */
async function persisted(gw: Gateway, hash: string, query?: string) {
  const response = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...(query === undefined ? {} : { query }), extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: response.status, data: body.data, code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message };
}

const NATION = '{ nation { name } }';
const COMMUNE = '{ commune(id: "commune:1") { name } }';

describe('automatic persisted queries at the gateway', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'apq-'));
  let territory: Service;
  let gw: Gateway;
  let bounded: Gateway;
  let safelist: Gateway;
  beforeAll(async () => {
    territory = await service('territory');
    const manifest = join(scratch, 'trusted.json');
    writeFileSync(manifest, JSON.stringify({ [sha256(NATION)]: NATION }));
    // One at a time: three gateways planning the supergraph at once are slow to become ready on a busy machine.
    gw = await gateway([territory]);
    bounded = await gateway([territory], { APQ_CACHE_ENTRIES: '2' });
    safelist = await gateway([territory], { TRUSTED_DOCUMENTS_PATH: manifest });
  });
  afterAll(async () => {
    await Promise.all([gw, bounded, safelist].map((g) => g?.stop()));
    await territory?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('asks for the text of an unknown hash, registers it with its text, then answers the hash alone', async () => {
    const hash = sha256(COMMUNE);
    const unknown = await persisted(gw, hash);
    expect(unknown.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.data).toBeUndefined();
    const registered = await persisted(gw, hash, COMMUNE);
    expect(registered).toMatchObject({ status: 200, data: { commune: { name: 'El Maizal' } }, code: undefined });
    const byHash = await persisted(gw, hash);
    expect(byHash).toMatchObject({ status: 200, data: registered.data, code: undefined });
  });

  it('refuses a hash that is not its query\'s, and registers nothing under it', async () => {
    const wrong = sha256('{ __typename }');
    const mismatch = await persisted(gw, wrong, NATION);
    expect(mismatch.status).toBe(400);
    expect(mismatch.message).toMatch(/does not match/);
    expect(mismatch.data).toBeUndefined();
    expect((await persisted(gw, wrong)).code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('keeps a bounded number of queries: the least recently used is forgotten first', async () => {
    const queries = ['{ nation { name } }', '{ commune(id: "commune:1") { name } }', '{ commune(id: "commune:2") { name } }'];
    for (const query of queries) expect((await persisted(bounded, sha256(query), query)).status).toBe(200);
    expect((await persisted(bounded, sha256(queries[0]!))).code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await persisted(bounded, sha256(queries[2]!))).data).toEqual({ commune: { name: expect.any(String) } });
  });

  it('in safelist mode, APQ serves trusted documents but cannot register an unknown one', async () => {
    const trusted = sha256(NATION);
    expect((await persisted(safelist, trusted)).code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await persisted(safelist, trusted, NATION)).data).toEqual({ nation: { name: 'Venezuela' } });
    expect((await persisted(safelist, trusted)).data).toEqual({ nation: { name: 'Venezuela' } });

    const hash = sha256(COMMUNE);
    const register = await persisted(safelist, hash, COMMUNE);
    expect(register).toMatchObject({ status: 403, code: 'OPERATION_NOT_TRUSTED' });
    expect(register.data).toBeUndefined();
    // Refused before APQ stores anything: the hash stays unknown, so nothing can run it later.
    expect((await persisted(safelist, hash)).code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
