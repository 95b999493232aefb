import { Matrix4, Vector3 } from 'three';
import type { DemGrid } from '../../geo/DemGrid';
import { LocalFrame } from '../../geo/LocalFrame';

const enu = new Float64Array(3);

/**
 * The wall scene's coordinates: the city's ENU frame at its origin (ellipsoidal height 0), turned
 * to three's Y-up: x east, y up (ellipsoidal height, curvature honoured), z south, in meters.
 * The tilesets' ECEF content is brought here by `ecefToScene`, overlays by `toScene`.
 */
export class SceneFrame {
  readonly local: LocalFrame;
  /** Maps ECEF meters to scene meters (parent matrix of the tilesets). */
  readonly ecefToScene = new Matrix4();

  constructor(originLonDeg: number, originLatDeg: number, private readonly dem: DemGrid | null) {
    this.local = new LocalFrame(originLonDeg, originLatDeg, 0);
    const enuToEcef = new Matrix4().fromArray(this.local.enuToEcefMatrix());
    // ENU (x east, y north, z up) -> scene (x east, y up, z south) is -90 degrees about x.
    this.ecefToScene.makeRotationX(-Math.PI / 2).multiply(enuToEcef.invert());
  }

  /** Ground height (m, ellipsoidal) at a point; 0 without a DEM. */
  groundM(lonDeg: number, latDeg: number): number {
    if (!this.dem) return 0;
    const [x, y] = this.local.toPlane(lonDeg, latDeg);
    return this.dem.sample(x, y);
  }

  /** Scene position of lon/lat (degrees) at an ellipsoidal height (m), or `aboveGroundM` over the DEM when `heightM` is undefined. */
  toScene(lonDeg: number, latDeg: number, heightM: number | undefined, result: Vector3, aboveGroundM = 0): Vector3 {
    const [x, y] = this.local.toPlane(lonDeg, latDeg);
    const h = heightM ?? (this.dem ? this.dem.sample(x, y) : 0) + aboveGroundM;
    this.local.planeToEnu(x, y, h, enu, 0);
    return result.set(enu[0], enu[2], -enu[1]);
  }

  /** Scene x/z of a lon/lat ignoring curvature (for draped textures; < 3 m off within 5 km). */
  planeOf(lonDeg: number, latDeg: number): [xM: number, zM: number] {
    const [x, y] = this.local.toPlane(lonDeg, latDeg);
    return [x, -y];
  }

  /** lon/lat (degrees) of a scene x/z, ignoring curvature. */
  lonLatOf(xM: number, zM: number): [number, number] {
    return this.local.toLonLat(xM, -zM);
  }
}
