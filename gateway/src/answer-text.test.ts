import { HeaderMap } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { keepAnswer, stringifyAndRelease } from './answer-text.js';
import { loadGatewayConfig } from './config.js';
import { computeResponse } from './result-shaping.js';
import { createGateway } from './server.js';
import { fromGateway } from './gateway-require.js';


describe('stringifyAndRelease', () => {
  it("writes Apollo Server's text (JSON and a newline), errors and extensions included", () => {
    const result = { errors: [{ message: 'partly', path: ['b'] }], data: { a: 1, b: null }, extensions: { x: 'y' } };
    expect(stringifyAndRelease(result)).toBe(`${JSON.stringify({ errors: [{ message: 'partly', path: ['b'] }], data: { a: 1, b: null }, extensions: { x: 'y' } })}\n`);
  });

  it('empties the data afterwards, so the answer it was made from is no longer reachable through it', () => {
    const states = [{ name: 'Zulia', census: { population: 1 } }];
    const data = Object.assign(Object.create(null) as Record<string, unknown>, { states, total: 24 });
    const text = stringifyAndRelease({ data });
    expect(JSON.parse(text)).toEqual({ data: { states: [{ name: 'Zulia', census: { population: 1 } }], total: 24 } });
    expect(Object.keys(data)).toEqual([]);
  });

  it('takes answers without data (a request refused before execution)', () => {
    expect(stringifyAndRelease({ errors: [{ message: 'no' }] })).toBe('{"errors":[{"message":"no"}]}\n');
    expect(stringifyAndRelease({ data: null, errors: [{ message: 'no' }] })).toBe('{"data":null,"errors":[{"message":"no"}]}\n');
  });

  it('leaves whole an answer kept to answer later requests (the response cache), every time its text is made', () => {
    const data = { states: [{ name: 'Zulia' }] };
    keepAnswer(data);
    expect(stringifyAndRelease({ data })).toBe('{"data":{"states":[{"name":"Zulia"}]}}\n');
    expect(stringifyAndRelease({ data })).toBe('{"data":{"states":[{"name":"Zulia"}]}}\n');
    expect(data).toEqual({ states: [{ name: 'Zulia' }] });
  });

  it('is the gateway\'s: after an HTTP request the answer its executor shaped has been emptied, its text sent whole', { timeout: 60_000 }, async () => {
    const unreachable = Object.fromEntries(['TERRITORY', 'GOVERNANCE', 'PRODUCTION', 'BUDGET'].map((n) => [`${n}_URL`, 'http://127.0.0.1:9/graphql']));
    const gateway = createGateway(loadGatewayConfig({ CONTEXT_SECRET: 's'.repeat(32), SUBGRAPH_RETRIES: '0', ...unreachable }));
    const shaping = fromGateway('./resultShaping.js') as { computeResponse: typeof computeResponse };
    const shaped: unknown[] = [];
    shaping.computeResponse = (args) => {
      const result = computeResponse(args);
      shaped.push(result.data);
      return result;
    };
    await gateway.start();
    try {
      const response = await gateway.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: { query: '{ __typename t: __typename }' } },
        context: async () => ({ requestId: 'r', actor: { kind: 'anonymous', grants: [] } }) as never,
      });
      expect(response.body.kind === 'complete' && JSON.parse(response.body.string)).toEqual({ data: { __typename: 'Query', t: 'Query' } });
      expect(shaped).toHaveLength(1);
      expect(Object.keys(shaped[0] as object)).toEqual([]);
    } finally {
      shaping.computeResponse = computeResponse;
      await gateway.stop();
    }
  });
});
