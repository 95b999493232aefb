/**
 * RFC 4180 CSV from rows: a header of `columns`, CRLF line ends, fields with commas, quotes or
 * line breaks quoted (quotes doubled). `bom` prepends U+FEFF so spreadsheet programs read Chinese
 * text as UTF-8. Numbers are written as they print; null/undefined as empty fields.
 */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, bom = false): string {
  const field = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map(field).join(','), ...rows.map((r) => columns.map((c) => field(r[c])).join(','))];
  return (bom ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
}
