import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, keysetCondition, pageWindow, toConnection } from './pagination.js';

describe('pagination', () => {
  it('round-trips cursors and refuses forged ones', () => {
    expect(decodeCursor(encodeCursor({ value: 'El Maizal', id: 3 }))).toEqual({ value: 'El Maizal', id: 3 });
    for (const forged of ['x', Buffer.from('[1]').toString('base64url'), Buffer.from('["a", 1.5]').toString('base64url')]) {
      expect(() => decodeCursor(forged)).toThrow(/not a cursor/);
    }
  });

  it('bounds the page size before any query runs', () => {
    expect(pageWindow({})).toEqual({ limit: 20, after: undefined });
    expect(pageWindow({ first: 0 }).limit).toBe(0);
    expect(() => pageWindow({ first: 101 })).toThrow(/between 0 and 100/);
    expect(() => pageWindow({ first: -1 })).toThrow(/between 0 and 100/);
  });

  it('builds keyset conditions in the sort direction', () => {
    expect(keysetCondition('name', 'id', 'ASC', { value: 'b', id: 2 })).toEqual({ sql: '(name > ? or (name = ? and id > ?))', params: ['b', 'b', 2] });
    expect(keysetCondition('name', 'id', 'DESC', { value: 'b', id: 2 }).sql).toContain('<');
  });

  it('tells whether a next page exists from one extra row', () => {
    const rows = [{ id: 1 }, { id: 2 }, { id: 3 }];
    const page = toConnection(rows, 2, 3, (r) => r.id);
    expect(page.edges.map((e) => e.node.id)).toEqual([1, 2]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(page.pageInfo.endCursor!)).toEqual({ value: 2, id: 2 });
    expect(toConnection(rows.slice(0, 2), 2, 2, (r) => r.id).pageInfo.hasNextPage).toBe(false);
  });
});
