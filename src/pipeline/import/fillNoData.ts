/**
 * Fills NaN cells of a row-major grid from their neighbours, ring by ring inwards: each pass
 * gives every NaN cell that touches filled cells (8-neighbourhood) the mean of those, so holes
 * close smoothly from their rims. Returns how many cells were filled; a grid with no valid cell
 * at all is left unchanged (0 filled) for the caller to handle.
 */
export function fillNoData(values: Float32Array, width: number, height: number): number {
  let frontier: number[] = [];
  const missing = new Uint8Array(values.length);
  let remaining = 0;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) { missing[i] = 1; remaining++; }
  if (remaining === 0 || remaining === values.length) return 0;
  const total = remaining;
  const hasFilledNeighbour = (i: number) => {
    const x = i % width, y = (i - x) / width;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const nx = x + dx, ny = y + dy;
      if ((dx || dy) && nx >= 0 && ny >= 0 && nx < width && ny < height && !missing[ny * width + nx]) return true;
    }
    return false;
  };
  for (let i = 0; i < values.length; i++) if (missing[i] && hasFilledNeighbour(i)) frontier.push(i);
  const next = new Float32Array(values.length);
  while (frontier.length > 0) {
    for (const i of frontier) {
      const x = i % width, y = (i - x) / width;
      let sum = 0, n = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx, ny = y + dy;
        if ((dx || dy) && nx >= 0 && ny >= 0 && nx < width && ny < height && !missing[ny * width + nx]) { sum += values[ny * width + nx]; n++; }
      }
      next[i] = sum / n;
    }
    for (const i of frontier) { values[i] = next[i]; missing[i] = 0; }
    remaining -= frontier.length;
    const candidates = new Set<number>();
    for (const i of frontier) {
      const x = i % width, y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx, ny = y + dy;
        if (nx >= 0 && ny >= 0 && nx < width && ny < height && missing[ny * width + nx]) candidates.add(ny * width + nx);
      }
    }
    frontier = [...candidates];
  }
  return total - remaining;
}
