import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../src/csv.js';

describe('csv', () => {
  it('round-trips quotes, commas, newlines, accents and empty cells exactly', () => {
    const rows = [
      { code: 'CC-1', name: 'Consejo "La Unión", Sector 3', note: 'two\nlines', empty: '' },
      { code: 'CC-2', name: ' leading space', note: null, empty: undefined },
    ];
    const table = parseCsv(toCsv(['code', 'name', 'note', 'empty'], rows));
    expect(table.columns).toEqual(['code', 'name', 'note', 'empty']);
    expect(table.records.map((r) => r.values)).toEqual([
      { code: 'CC-1', name: 'Consejo "La Unión", Sector 3', note: 'two\nlines', empty: '' },
      { code: 'CC-2', name: ' leading space', note: '', empty: '' },
    ]);
    // Line numbers are where each record starts in the file, as a spreadsheet shows them.
    expect(table.records.map((r) => r.line)).toEqual([2, 4]);
  });

  it('reads LF files with a byte-order mark and no final newline', () => {
    expect(parseCsv('\uFEFFa,b\n1,2\n3,4').records.map((r) => r.values)).toEqual([{ a: '1', b: '2' }, { a: '3', b: '4' }]);
  });

  it('refuses ragged rows and unterminated quotes, naming the line', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow('line 2: 3 fields, but the header has 2');
    expect(() => parseCsv('a,b\n1,"2\n')).toThrow('line 2: a quoted field is never closed');
  });
});
