/**
 * Minimum-cost assignment of every row to a distinct column (rows <= cols) by the Hungarian
 * method with potentials (Kuhn-Munkres, O(rows^2 * cols)). `cost` is row-major rows x cols and
 * must be finite: callers price forbidden pairs with a large constant and check the result.
 * Returns, for each row, its column.
 */
export function hungarian(cost: Float64Array, rows: number, cols: number): Int32Array {
  if (rows > cols) throw new Error(`hungarian: expects rows <= cols, got ${rows} x ${cols}`);
  if (cost.length !== rows * cols) throw new Error(`hungarian: cost has ${cost.length} entries, expected ${rows * cols}`);
  // 1-based arrays as in the classic formulation: column 0 is a virtual start.
  const u = new Float64Array(rows + 1), v = new Float64Array(cols + 1);
  const rowOfCol = new Int32Array(cols + 1), way = new Int32Array(cols + 1);
  const minv = new Float64Array(cols + 1);
  const used = new Uint8Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    rowOfCol[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOfCol[j0];
      let delta = Infinity, j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = cost[(i0 - 1) * cols + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) { u[rowOfCol[j]] += delta; v[j] -= delta; } else minv[j] -= delta;
      }
      j0 = j1;
    } while (rowOfCol[j0] !== 0);
    do {
      const j1 = way[j0];
      rowOfCol[j0] = rowOfCol[j1];
      j0 = j1;
    } while (j0);
  }
  const colOfRow = new Int32Array(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (rowOfCol[j] > 0) colOfRow[rowOfCol[j] - 1] = j - 1;
  return colOfRow;
}
