import { describe, expect, it } from 'vitest';
import {
  communeScopeBodies,
  decodeDashboardFacts,
  decodeDashboardScopes,
  decodeMonths,
  encodeDashboardFacts,
  encodeDashboardScopes,
  encodeIndexes,
  encodeMonths,
  hasIndex,
  scopesDigest,
} from './dashboard-facts.js';

describe('dashboard facts codec', () => {
  it('round-trips month sets across years, and keeps the empty set empty', () => {
    const months = ['2023-11-01', '2024-01-15', '2024-01-01', '2026-12-31', '2023-11-20'];
    const hex = encodeMonths(months, '2023-11');
    expect(decodeMonths(hex, '2023-11')).toEqual(['2023-11-01', '2024-01-01', '2026-12-01']);
    expect(hex).toBe((1n | (1n << 2n) | (1n << 37n)).toString(16));
    expect(decodeMonths(encodeMonths([], '2020-01'), '2020-01')).toEqual([]);
    expect(() => encodeMonths(['2020-01'], '2020-02')).toThrow(/before/);
    expect(() => decodeMonths('zz', '2020-01')).toThrow(/hexadecimal/);
  });

  it('round-trips round sets', () => {
    const hex = encodeIndexes([0, 3, 70]);
    expect([0, 1, 2, 3, 69, 70, 71].map((i) => hasIndex(hex, i))).toEqual([true, false, false, true, false, true, false]);
    expect(hasIndex('', 0)).toBe(false);
  });

  it('round-trips scopes and names each commune\'s bodies as the domains record them', () => {
    const text = encodeDashboardScopes([{ commune: 8, councils: [1, 2], circuits: [27] }, { commune: 9, councils: [], circuits: [] }]);
    expect(text).toBe('[[8,[1,2],[27]],[9,[],[]]]');
    const scopes = decodeDashboardScopes(text);
    expect(scopes.map(communeScopeBodies)).toEqual([['commune:8', 'council:1', 'council:2', 'circuit:27'], ['commune:9']]);
  });

  it('refuses scopes that are missing, not JSON or not numbers, with BAD_USER_INPUT', () => {
    for (const text of [undefined, 'nope', '{}', '[[1,[2],["3"]]]', '[[1,[2]]]']) {
      expect(() => decodeDashboardScopes(text as string), String(text)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
  });

  it('accepts facts about the scopes territory has now and refuses others', () => {
    const scopes = encodeDashboardScopes([{ commune: 8, councils: [1], circuits: [] }]);
    const digest = scopesDigest(scopes);
    const text = encodeDashboardFacts({ digest, from: '2024-01', communes: { 8: ['2024-03-02', encodeMonths(['2024-03'], '2024-01')] } });
    expect(decodeDashboardFacts(text, 'governance', digest).communes['8']).toEqual(['2024-03-02', '4']);
    const moved = scopesDigest(encodeDashboardScopes([{ commune: 8, councils: [2], circuits: [] }]));
    expect(() => decodeDashboardFacts(text, 'governance', moved)).toThrow(/registry changed/);
    expect(() => decodeDashboardFacts(undefined, 'governance', digest)).toThrow(/without governance's facts/);
    expect(() => decodeDashboardFacts('{"digest":1}', 'budget', digest)).toThrow(/budget's dashboard facts must be/);
  });
});
