/** Most rows a CSV source may have (a larger file is refused with this limit). */
export const MAX_CSV_ROWS = 2_000_000;

/** One data row with its 1-based line in the file. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/**
 * Parses CSV text (RFC 4180: comma or the separator given, double-quoted fields with "" escapes
 * and line breaks, CRLF or LF; a UTF-8 BOM is dropped) into rows keyed by the header. Throws
 * naming the file and line for an unterminated quote, a row longer than the header, or too many rows.
 */
export function parseCsv(text: string, file: string, separator = ','): { header: string[]; rows: CsvRow[] } {
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [], cell = '', quoted = false, line = 1, start = 1;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells });
    if (records.length > MAX_CSV_ROWS + 1) throw new Error(`${file}: more than ${MAX_CSV_ROWS} rows (the limit of a CSV source)`);
    cells = []; cell = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else { if (c === '\n') line++; cell += c; }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) { cells.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRecord();
      start = ++line;
    } else cell += c;
  }
  if (quoted) throw new Error(`${file}:${start}: a quoted field is not closed (expected a closing ")`);
  if (cell !== '' || cells.length) endRecord();
  if (records.length === 0) throw new Error(`${file}: empty (expected a header line and rows)`);
  const header = records[0].cells.map((h) => h.trim());
  const rows = records.slice(1).map((r) => {
    if (r.cells.length > header.length) throw new Error(`${file}:${r.line}: ${r.cells.length} fields, the header has ${header.length}`);
    return { line: r.line, values: Object.fromEntries(header.map((h, k) => [h, (r.cells[k] ?? '').trim()])) };
  });
  return { header, rows };
}
