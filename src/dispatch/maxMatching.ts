/**
 * Size of a maximum bipartite matching of `rows` to `cols` where row r may take column c when
 * `allowed(r, c)` (Kuhn's augmenting paths, O(rows * edges); fine for dispatch-sized problems).
 */
export function maxMatchingSize(rows: number, cols: number, allowed: (r: number, c: number) => boolean): number {
  const rowOfCol = new Int32Array(cols).fill(-1);
  const seen = new Uint32Array(cols);
  let stamp = 0, size = 0;
  const augment = (r: number): boolean => {
    for (let c = 0; c < cols; c++) {
      if (seen[c] === stamp || !allowed(r, c)) continue;
      seen[c] = stamp;
      if (rowOfCol[c] < 0 || augment(rowOfCol[c])) { rowOfCol[c] = r; return true; }
    }
    return false;
  };
  for (let r = 0; r < rows; r++) {
    stamp++;
    if (augment(r)) size++;
  }
  return size;
}
