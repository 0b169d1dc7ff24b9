import { describe, expect, it } from 'vitest';
import { monthsByKey } from './fact-months.js';

describe('monthsByKey', () => {
  it('gives each key its months as first days, ascending, and an empty list to a key without rows', () => {
    const rows = [{ k: 'b', m: '2025-03' }, { k: 'a', m: '2025-02' }, { k: 'a', m: '2024-12' }];
    expect(monthsByKey(rows, ['a', 'c', 'b'])).toEqual([['2024-12-01', '2025-02-01'], [], ['2025-03-01']]);
  });
});
