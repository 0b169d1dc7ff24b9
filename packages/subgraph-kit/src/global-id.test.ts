import { describe, expect, it } from 'vitest';
import { kindOfGlobalId, parseGlobalId, toGlobalId, tryParseGlobalId } from './global-id.js';

describe('global ids', () => {
  it('round-trips', () => {
    expect(parseGlobalId(toGlobalId('commune', 12), 'commune')).toBe(12);
    expect(kindOfGlobalId('council:4')).toBe('council');
  });

  it('refuses other kinds and malformed keys with a coded error naming the argument', () => {
    for (const bad of ['council:12', 'commune:', 'commune:0', 'commune:01', 'commune:1.5', 'commune:99999999999999999', '12']) {
      expect(tryParseGlobalId(bad, 'commune')).toBeUndefined();
    }
    try {
      parseGlobalId('council:1', 'commune', 'input.communeId');
      expect.unreachable();
    } catch (error: any) {
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain('input.communeId');
    }
  });
});
