/** One problem in a JSON document: where (JSON pointer and line) and what was expected. */
export interface JsonIssue {
  /** JSON pointer of the offending value, e.g. `/events/2/series/0/mmPerHour` ('' = the whole file). */
  pointer: string;
  /** 1-based line and column in the file (0 when the value did not come from a file). */
  line: number;
  column: number;
  /** What the value should have been. */
  expected: string;
  /** The value found, as short JSON text (absent for a missing value). */
  got?: string;
}

/** Formats one issue as `file:line:column: /pointer: expected ..., got ...`. */
export function formatIssue(file: string, i: JsonIssue): string {
  const where = i.line > 0 ? `${file}:${i.line}:${i.column}` : file;
  return `${where}: ${i.pointer || '/'}: expected ${i.expected}${i.got !== undefined ? `, got ${i.got}` : ''}`;
}

/** Short JSON text of a value for messages (at most ~60 characters). */
export function shortJson(v: unknown): string {
  const s = v === undefined ? 'nothing' : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
