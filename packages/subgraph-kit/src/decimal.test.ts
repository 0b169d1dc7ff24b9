import { describe, expect, it } from 'vitest';
import { fromScaled, positiveScaled, toScaled } from './decimal.js';

describe('exact decimals', () => {
  it('round-trips without float error', () => {
    expect(toScaled('0.1', 2) + toScaled('0.2', 2)).toBe(30n);
    expect(fromScaled(toScaled('0.1', 2) + toScaled('0.2', 2), 2)).toBe('0.30');
    expect(fromScaled(toScaled('-12.5', 3), 3)).toBe('-12.500');
    expect(fromScaled('123456789012345678', 2)).toBe('1234567890123456.78');
    expect(fromScaled(5, 2)).toBe('0.05');
  });

  it('refuses what is not an exact decimal of the column scale', () => {
    for (const bad of ['1e3', 'NaN', '', '1.234', '١٢', '1,5']) expect(() => toScaled(bad, 2, 'input.amount')).toThrow(/input.amount/);
    expect(() => positiveScaled('0', 2, 'input.amount')).toThrow(/greater than zero/);
  });
});
