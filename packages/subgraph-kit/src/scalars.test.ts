import { describe, expect, it } from 'vitest';
import { DateScalar, isIsoDate } from './scalars.js';

describe('Date scalar', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2025-02-29', '2024-13-01', '2024-4-21', '21/04/2024', '2024-04-21T00:00:00Z']) expect(isIsoDate(bad)).toBe(false);
  });

  it('refuses bad values with BAD_USER_INPUT', () => {
    expect(DateScalar.parseValue('2024-04-21')).toBe('2024-04-21');
    expect(() => DateScalar.parseValue('2024-02-30')).toThrow(/YYYY-MM-DD/);
    expect(() => DateScalar.parseValue(20240421)).toThrow(/YYYY-MM-DD/);
  });
});
