import { DemGrid, type DemHeader } from '../../geo/DemGrid';

/** Side of the square blocks of DEM nodes whose maxima let a ray skip ground it passes well above. */
const BLOCK = 8;

/**
 * Ray tests against a DEM (the city plane, ellipsoidal heights): the ray is marched in steps of
 * half a cell and is blocked where it passes below the bilinear ground. Blocks of 8 x 8 nodes keep
 * their highest point, so a ray high above a block does no sampling there, and the march ends
 * once the ray is above the highest ground. No-data (NaN) ground never blocks.
 */
export class TerrainRay {
  readonly dem: DemGrid;
  readonly maxM: number;
  private readonly blockMax: Float32Array;
  private readonly bw: number;

  constructor(header: DemHeader, heightsM: Float32Array) {
    this.dem = new DemGrid(header, heightsM);
    const { width: w, height: h } = this.dem;
    this.bw = Math.ceil(w / BLOCK);
    const bh = Math.ceil(h / BLOCK);
    this.blockMax = new Float32Array(this.bw * bh).fill(-Infinity);
    let max = -Infinity;
    // A point of block (bi, bj) lies in a cell whose corner nodes reach one node past the block.
    for (let bj = 0; bj < bh; bj++) {
      for (let bi = 0; bi < this.bw; bi++) {
        let m = -Infinity;
        for (let j = bj * BLOCK; j <= Math.min(h - 1, (bj + 1) * BLOCK); j++) {
          for (let i = bi * BLOCK; i <= Math.min(w - 1, (bi + 1) * BLOCK); i++) {
            const v = heightsM[j * w + i];
            if (v > m) m = v;
          }
        }
        this.blockMax[bj * this.bw + bi] = m;
        if (m > max) max = m;
      }
    }
    this.maxM = max;
  }

  /** Ground height at a plane point (bilinear, clamped to the edge). */
  groundM(xM: number, yM: number): number {
    return this.dem.sample(xM, yM);
  }

  /**
   * First horizontal distance (m) from the origin, between minDistM and maxDistM, where the ray
   * from (ox, oy, oz) going along the horizontal unit direction (ux, uy) with `slope` (dz per m
   * of horizontal travel) is below the ground; Infinity when it never is.
   */
  firstHit(ox: number, oy: number, oz: number, ux: number, uy: number, slope: number, minDistM: number, maxDistM: number): number {
    const d = this.dem, cs = d.cellSizeM, step = cs / 2, bs = cs * BLOCK;
    const xMin = d.xMinM, yMin = d.yMinM, xMax = d.xMaxM, yMax = d.yMaxM;
    for (let s = minDistM; s <= maxDistM; s += step) {
      const z = oz + slope * s;
      if (z > this.maxM && slope >= 0) return Infinity;
      const x = ox + ux * s, y = oy + uy * s;
      if (x < xMin || x > xMax || y < yMin || y > yMax) return Infinity;
      const bi = Math.floor((x - xMin) / bs), bj = Math.floor((y - yMin) / bs);
      if (z > this.blockMax[bj * this.bw + bi]) {
        // Above the whole block: go on from where the ray leaves it (if it stays above till then).
        const bx = xMin + bi * bs, by = yMin + bj * bs;
        const exit = Math.min(ux > 0 ? (bx + bs - ox) / ux : ux < 0 ? (bx - ox) / ux : Infinity, uy > 0 ? (by + bs - oy) / uy : uy < 0 ? (by - oy) / uy : Infinity);
        if (slope >= 0 && exit > s + step) s = exit - step + 1e-6;
        continue;
      }
      if (d.sample(x, y) > z) return s;
    }
    return Infinity;
  }
}
