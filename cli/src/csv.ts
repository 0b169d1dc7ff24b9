// RFC 4180 CSV, small enough to read in one sitting: the open-data files are spreadsheets' lingua franca, and a
// parser that quotes and unquotes exactly what it writes is what makes export → import round-trip without loss.

/** Quotes a field when it holds a comma, quote, newline or leading/trailing space. */
function field(value: unknown): string {
  const text = value == null ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes rows under the given header; lines end in CRLF as RFC 4180 says (spreadsheets accept both). */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(field).join(','), ...rows.map((row) => columns.map((c) => field(row[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}

export interface CsvTable {
  columns: string[];
  /** Each record with the file line it started on, for reports a person can find in a spreadsheet. */
  records: { line: number; values: Record<string, string> }[];
}

/** Parses CSV text (a UTF-8 byte-order mark is dropped); fails on an unterminated quote or a ragged row. */
export function parseCsv(text: string): CsvTable {
  const source = text.replace(/^\uFEFF/, '');
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') cells.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
      (cells = []), (cell = ''), line++, (rowLine = line);
    } else cell += ch;
  }
  if (quoted) throw new Error(`line ${rowLine}: a quoted field is never closed`);
  if (cell !== '' || cells.length) rows.push({ line: rowLine, cells: [...cells, cell] });
  const [header, ...body] = rows;
  if (!header) return { columns: [], records: [] };
  const columns = header.cells.map((c) => c.trim());
  const records = body.map(({ line: at, cells: values }) => {
    if (values.length !== columns.length) throw new Error(`line ${at}: ${values.length} fields, but the header has ${columns.length}`);
    return { line: at, values: Object.fromEntries(columns.map((c, i) => [c, values[i]!])) };
  });
  return { columns, records };
}
