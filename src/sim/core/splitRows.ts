/** A band of rows [j0, j1) handled by one worker. */
export interface RowBand {
  j0: number;
  j1: number;
}

/**
 * Splits `height` rows into `parts` contiguous bands whose sizes differ by at most one row
 * (fewer bands than asked when there are fewer rows than parts).
 */
export function splitRows(height: number, parts: number): RowBand[] {
  if (!Number.isInteger(height) || height < 1) throw new Error(`splitRows: height must be a positive integer, got ${height}`);
  if (!Number.isInteger(parts) || parts < 1) throw new Error(`splitRows: parts must be a positive integer, got ${parts}`);
  const n = Math.min(parts, height), bands: RowBand[] = [];
  for (let b = 0; b < n; b++) bands.push({ j0: Math.floor((b * height) / n), j1: Math.floor(((b + 1) * height) / n) });
  return bands;
}
