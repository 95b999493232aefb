import type { FloodGrid } from './FloodGrid';

/**
 * A FloodGrid from functions of the cell (i, j): bed height (m) and whether it is a wall. For tests,
 * benchmarks and idealised cases (channels, dam breaks); origin at lon/lat 0, south-west corner (0, 0).
 */
export function syntheticGrid(width: number, height: number, cellSizeM: number, bedM: (i: number, j: number) => number, wall?: (i: number, j: number) => boolean): FloodGrid {
  const bed = new Float32Array(width * height), w = new Uint8Array(width * height);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      bed[j * width + i] = bedM(i, j);
      w[j * width + i] = wall?.(i, j) ? 1 : 0;
    }
  }
  return { originLonDeg: 0, originLatDeg: 0, xMinM: 0, yMinM: 0, cellSizeM, width, height, bedM: bed, wall: w };
}
