import { DemGrid, type DemHeader } from '../../geo/DemGrid';

/** Sides of the square blocks of DEM cells (coarse, fine) whose maxima let a ray skip ground it passes above. */
const BLOCKS = [8, 2] as const;

/** Highest node of each B x B block of cells (a cell's bilinear surface never rises above its corners). */
function blockMaxima(heightsM: Float32Array, w: number, h: number, b: number): { max: Float32Array; bw: number } {
  const bw = Math.ceil(w / b), bh = Math.ceil(h / b), max = new Float32Array(bw * bh).fill(-Infinity);
  for (let bj = 0; bj < bh; bj++) {
    for (let bi = 0; bi < bw; bi++) {
      let m = -Infinity;
      for (let j = bj * b; j <= Math.min(h - 1, (bj + 1) * b); j++) {
        for (let i = bi * b; i <= Math.min(w - 1, (bi + 1) * b); i++) if (heightsM[j * w + i] > m) m = heightsM[j * w + i];
      }
      max[bj * bw + bi] = m;
    }
  }
  return { max, bw };
}

/**
 * Ray tests against a DEM (the city plane, ellipsoidal heights): the ray is marched in steps of
 * half a cell and is blocked where it passes below the bilinear ground. Blocks of 8 x 8 and 2 x 2
 * cells keep their highest point, so a ray above a block jumps to where it leaves it, and the
 * march ends once the ray is above the highest ground. No-data (NaN) ground never blocks.
 */
export class TerrainRay {
  readonly dem: DemGrid;
  readonly maxM: number;
  private readonly levels: Array<{ max: Float32Array; bw: number; sizeM: number }>;

  constructor(header: DemHeader, heightsM: Float32Array) {
    this.dem = new DemGrid(header, heightsM);
    const { width: w, height: h, cellSizeM } = this.dem;
    this.levels = BLOCKS.map((b) => ({ ...blockMaxima(heightsM, w, h, b), sizeM: b * cellSizeM }));
    this.maxM = this.levels[0].max.reduce((a, v) => (v > a ? v : a), -Infinity);
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
    const d = this.dem, step = d.cellSizeM / 2;
    const xMin = d.xMinM, yMin = d.yMinM, xMax = d.xMaxM, yMax = d.yMaxM;
    outer: for (let s = minDistM; s <= maxDistM; s += step) {
      const z = oz + slope * s;
      if (z > this.maxM && slope >= 0) return Infinity;
      const x = ox + ux * s, y = oy + uy * s;
      if (x < xMin || x > xMax || y < yMin || y > yMax) return Infinity;
      for (const lv of this.levels) {
        const bi = Math.floor((x - xMin) / lv.sizeM), bj = Math.floor((y - yMin) / lv.sizeM);
        if (!(z > lv.max[bj * lv.bw + bi])) continue;
        // Above the whole block: go on from where the ray leaves it (rising rays stay above till then).
        const bx = xMin + bi * lv.sizeM, by = yMin + bj * lv.sizeM, bs = lv.sizeM;
        const exit = Math.min(ux > 0 ? (bx + bs - ox) / ux : ux < 0 ? (bx - ox) / ux : Infinity, uy > 0 ? (by + bs - oy) / uy : uy < 0 ? (by - oy) / uy : Infinity);
        if (slope >= 0 && exit > s + step) s = exit - step + 1e-6;
        continue outer;
      }
      if (d.sample(x, y) > z) return s;
    }
    return Infinity;
  }
}
