// The benchmark's subgraphs accept only signed calls: what Hive Gateway's plugin and the direct calls send must
// pass the subgraphs' own check, as an anonymous caller, for the exact body sent.
import { anonymous } from '@comuna/subgraph-kit/actor';
import { verifyRequest } from '@comuna/subgraph-kit/signed-context';
import { describe, expect, it } from 'vitest';
import { CONTEXT_SECRET, signedHeaders, signingPlugin } from '../src/signing.js';

describe('benchmark signing', () => {
  it('signs a direct call as the anonymous caller, for that body only', () => {
    const body = '{"query":"{ states { name } }"}';
    const headers = signedHeaders(body);
    expect(verifyRequest(CONTEXT_SECRET, headers, body)).toEqual(anonymous);
    expect(() => verifyRequest(CONTEXT_SECRET, headers, `${body} `)).toThrow(/bad signature/);
  });

  it("signs Hive Gateway's subgraph requests, keeping the headers it set (plain object or Headers)", () => {
    const body = '{"query":"{ _service { sdl } }"}';
    for (const given of [{ 'content-type': 'application/json' }, new Headers({ 'content-type': 'application/json' })]) {
      let sent;
      signingPlugin().onFetch({ options: { method: 'POST', body, headers: given }, setOptions: (options) => (sent = options) });
      expect(sent.headers['content-type']).toBe('application/json');
      expect(verifyRequest(CONTEXT_SECRET, sent.headers, sent.body)).toEqual(anonymous);
    }
    expect(() => signingPlugin().onFetch({ options: { body: new Uint8Array(1), headers: {} }, setOptions: () => undefined })).toThrow(/cannot sign/);
  });
});
