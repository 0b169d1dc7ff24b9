import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { anonymousRequestKey, operationNameOf } from './anonymous-read.js';

describe('anonymous reads', () => {
  it('keys a POST of JSON by its Accept header and exact body, and nothing that carries an identity', () => {
    const req = (headers: Record<string, string>, method = 'POST') => ({ method, headers }) as unknown as IncomingMessage;
    const json = { 'content-type': 'application/json; charset=utf-8' };
    expect(anonymousRequestKey(req({ ...json, accept: 'application/json' }), '{"query":"{a}"}')).toBe('application/json\n{"query":"{a}"}');
    expect(anonymousRequestKey(req(json), '{"query":"{a}"}')).not.toBe(anonymousRequestKey(req(json), '{"query":"{ a }"}'));
    expect(anonymousRequestKey(req({ ...json, authorization: 'Bearer t' }), '{}')).toBeUndefined();
    expect(anonymousRequestKey(req({ ...json, 'idempotency-key': 'k' }), '{}')).toBeUndefined();
    expect(anonymousRequestKey(req({ 'content-type': 'text/plain' }), '{}')).toBeUndefined();
    expect(anonymousRequestKey(req(json, 'GET'), '')).toBeUndefined();
  });

  it('reads the operation name from the body without parsing it', () => {
    expect(operationNameOf(JSON.stringify({ query: 'query A { x } query B { y }', operationName: 'B' }))).toBe('B');
    expect(operationNameOf(JSON.stringify({ query: '  query Roll { states { id } }' }))).toBe('Roll');
    expect(operationNameOf(JSON.stringify({ query: '{ states { id } }' }))).toBeUndefined();
  });
});
