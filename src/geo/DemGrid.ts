/**
 * A digital elevation model on a regular grid in a city's plane (meters, see LocalFrame).
 * Node-registered: node (i, j) lies at (xMinM + i * cellSizeM, yMinM + j * cellSizeM); row j = 0 is
 * the southern edge. Heights are ellipsoidal meters; NaN marks no-data.
 */
export interface DemHeader {
  /** Frame origin the plane coordinates refer to (degrees). */
  originLonDeg: number;
  originLatDeg: number;
  xMinM: number;
  yMinM: number;
  cellSizeM: number;
  /** Node counts. */
  width: number;
  height: number;
}

export class DemGrid implements DemHeader {
  readonly originLonDeg: number;
  readonly originLatDeg: number;
  readonly xMinM: number;
  readonly yMinM: number;
  readonly cellSizeM: number;
  readonly width: number;
  readonly height: number;
  readonly heightsM: Float32Array;

  constructor(header: DemHeader, heightsM: Float32Array) {
    if (heightsM.length !== header.width * header.height) {
      throw new Error(`DemGrid: heights has ${heightsM.length} values, expected width*height = ${header.width * header.height}`);
    }
    this.originLonDeg = header.originLonDeg;
    this.originLatDeg = header.originLatDeg;
    this.xMinM = header.xMinM;
    this.yMinM = header.yMinM;
    this.cellSizeM = header.cellSizeM;
    this.width = header.width;
    this.height = header.height;
    this.heightsM = heightsM;
  }

  get xMaxM(): number { return this.xMinM + (this.width - 1) * this.cellSizeM; }
  get yMaxM(): number { return this.yMinM + (this.height - 1) * this.cellSizeM; }

  header(): DemHeader {
    const { originLonDeg, originLatDeg, xMinM, yMinM, cellSizeM, width, height } = this;
    return { originLonDeg, originLatDeg, xMinM, yMinM, cellSizeM, width, height };
  }

  at(i: number, j: number): number {
    return this.heightsM[j * this.width + i];
  }

  /** Bilinear height at a plane point, clamped to the grid edge. */
  sample(xM: number, yM: number): number {
    const fx = Math.min(Math.max((xM - this.xMinM) / this.cellSizeM, 0), this.width - 1.000001);
    const fy = Math.min(Math.max((yM - this.yMinM) / this.cellSizeM, 0), this.height - 1.000001);
    const i = Math.floor(fx), j = Math.floor(fy);
    const tx = fx - i, ty = fy - j;
    const w = this.width, h = this.heightsM;
    const a = h[j * w + i], b = h[j * w + i + 1], c = h[(j + 1) * w + i], d = h[(j + 1) * w + i + 1];
    return (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty;
  }
}
