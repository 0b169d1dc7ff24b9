import { describe, expect, it } from 'vitest';
import { keepAnswer, stringifyAndRelease } from './answer-text.js';

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
});
