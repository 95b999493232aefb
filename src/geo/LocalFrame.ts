import { geodeticToEcef, radiiOfCurvature } from './wgs84';

const DEG = Math.PI / 180;

/**
 * A city's local frame around an origin (lon/lat in degrees).
 *
 * Plane coordinates (xEastM, yNorthM) map to lon/lat by a local equirectangular projection whose
 * scale is exact at the origin (relative distortion < 1e-6 within 10 km): the "city plane" every
 * generator, grid and solver works in. 3D positions are exact: a point (x, y, heightM) goes through
 * lon/lat/height to ECEF and then into the ENU frame at the origin, so curvature is honoured.
 */
export class LocalFrame {
  readonly originLonDeg: number;
  readonly originLatDeg: number;
  readonly originHeightM: number;
  private readonly metersPerDegLon: number;
  private readonly metersPerDegLat: number;
  private readonly originEcef: Float64Array;
  /** Rows of the ECEF -> ENU rotation: east, north, up unit vectors in ECEF. */
  private readonly east: Float64Array;
  private readonly north: Float64Array;
  private readonly up: Float64Array;

  constructor(originLonDeg: number, originLatDeg: number, originHeightM = 0) {
    this.originLonDeg = originLonDeg;
    this.originLatDeg = originLatDeg;
    this.originHeightM = originHeightM;
    const lat = originLatDeg * DEG, lon = originLonDeg * DEG;
    const { meridionalM, primeVerticalM } = radiiOfCurvature(lat);
    this.metersPerDegLat = meridionalM * DEG;
    this.metersPerDegLon = primeVerticalM * Math.cos(lat) * DEG;
    this.originEcef = geodeticToEcef(lon, lat, originHeightM) as Float64Array;
    const sl = Math.sin(lat), cl = Math.cos(lat), so = Math.sin(lon), co = Math.cos(lon);
    this.east = new Float64Array([-so, co, 0]);
    this.north = new Float64Array([-sl * co, -sl * so, cl]);
    this.up = new Float64Array([cl * co, cl * so, sl]);
  }

  /** Plane meters to [lonDeg, latDeg]. */
  toLonLat(xEastM: number, yNorthM: number): [number, number] {
    return [this.originLonDeg + xEastM / this.metersPerDegLon, this.originLatDeg + yNorthM / this.metersPerDegLat];
  }

  /** [lonDeg, latDeg] to plane meters [xEastM, yNorthM]. */
  toPlane(lonDeg: number, latDeg: number): [number, number] {
    return [(lonDeg - this.originLonDeg) * this.metersPerDegLon, (latDeg - this.originLatDeg) * this.metersPerDegLat];
  }

  /**
   * Plane point at an ellipsoidal height to exact ENU meters at the origin (x east, y north, z up),
   * written into `result` at `offset`. Allocation-free for hot loops.
   */
  planeToEnu(xEastM: number, yNorthM: number, heightM: number, result: Float64Array | Float32Array | number[], offset = 0): void {
    const lon = (this.originLonDeg + xEastM / this.metersPerDegLon) * DEG;
    const lat = (this.originLatDeg + yNorthM / this.metersPerDegLat) * DEG;
    geodeticToEcef(lon, lat, heightM, scratch, 0);
    const dx = scratch[0] - this.originEcef[0], dy = scratch[1] - this.originEcef[1], dz = scratch[2] - this.originEcef[2];
    result[offset] = this.east[0] * dx + this.east[1] * dy + this.east[2] * dz;
    result[offset + 1] = this.north[0] * dx + this.north[1] * dy + this.north[2] * dz;
    result[offset + 2] = this.up[0] * dx + this.up[1] * dy + this.up[2] * dz;
  }

  /** Column-major 4x4 ENU -> ECEF transform (the 3D Tiles `transform` of a tile in this frame). */
  enuToEcefMatrix(): number[] {
    const [e, n, u, o] = [this.east, this.north, this.up, this.originEcef];
    return [e[0], e[1], e[2], 0, n[0], n[1], n[2], 0, u[0], u[1], u[2], 0, o[0], o[1], o[2], 1];
  }
}

const scratch = new Float64Array(3);
