import { describe, expect, it } from 'vitest';
import { Lru } from './lru.js';

describe('bounded LRU', () => {
  it('evicts the least recently used entry past the entry bound', () => {
    const lru = new Lru<number>({ maxEntries: 2, maxBytes: 1_000 });
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    expect(lru.size).toBe(2);
  });

  it('evicts by bytes, and refuses a value larger than the whole bound', () => {
    const lru = new Lru<string>({ maxEntries: 100, maxBytes: 10, sizeOf: (v) => v.length });
    lru.set('a', 'xxxx');
    lru.set('b', 'yyyy');
    lru.set('c', 'zzzz');
    expect(lru.get('a')).toBeUndefined();
    expect(lru.bytes).toBe(8);
    expect(lru.set('big', 'x'.repeat(11))).toBe(false);
    expect(lru.get('big')).toBeUndefined();
    expect(lru.get('c')).toBe('zzzz');
  });

  it('expires entries after the time to live, and replacing a key keeps the byte count right', () => {
    let now = 0;
    const lru = new Lru<string>({ maxEntries: 10, maxBytes: 100, ttlMs: 50, sizeOf: (v) => v.length, now: () => now });
    lru.set('a', 'xx');
    lru.set('a', 'xxxx');
    expect(lru.bytes).toBe(4);
    now = 49;
    expect(lru.get('a')).toBe('xxxx');
    now = 50;
    expect(lru.get('a')).toBeUndefined();
    expect(lru.size).toBe(0);
    expect(lru.bytes).toBe(0);
  });
});
