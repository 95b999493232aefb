import { Cartesian3 } from 'cesium';
import type { DemGrid } from '../../geo/DemGrid';
import { LocalFrame } from '../../geo/LocalFrame';
import type { OverlayLine } from '../overlay/overlayLayers';

/** Ground heights for overlay positions: the city's DEM (or 0 without one). */
export class Ground {
  private readonly frame: LocalFrame | null;
  constructor(private readonly dem: DemGrid | null) { this.frame = dem ? new LocalFrame(dem.originLonDeg, dem.originLatDeg) : null; }
  heightM(lonDeg: number, latDeg: number): number {
    if (!this.dem || !this.frame) return 0;
    const [x, y] = this.frame.toPlane(lonDeg, latDeg);
    return this.dem.sample(x, y);
  }
  position(lonDeg: number, latDeg: number, heightM: number | undefined, liftM: number): Cartesian3 {
    return Cartesian3.fromDegrees(lonDeg, latDeg, heightM ?? this.heightM(lonDeg, latDeg) + liftM);
  }
}

/**
 * The ECEF positions the workspace draws an overlay line through: a line with `heightsM` (a
 * sight line) straight between its 3D vertices; a ground line split every `stepM` and lifted
 * `liftM` over the DEM, so it follows the terrain.
 */
export function linePositions(l: OverlayLine, ground: Ground, liftM: number, stepM: number): Cartesian3[] {
  const ll = l.lonLatDeg, positions: Cartesian3[] = [];
  if (l.heightsM) {
    for (let i = 0; i + 1 < ll.length; i += 2) positions.push(Cartesian3.fromDegrees(ll[i], ll[i + 1], l.heightsM[i / 2]));
    return positions;
  }
  for (let i = 0; i + 3 < ll.length; i += 2) {
    const a = ground.position(ll[i], ll[i + 1], undefined, 0), b = ground.position(ll[i + 2], ll[i + 3], undefined, 0);
    const steps = Math.max(1, Math.ceil(Cartesian3.distance(a, b) / stepM));
    for (let s = i === 0 ? 0 : 1; s <= steps; s++) {
      const t = s / steps;
      positions.push(ground.position(ll[i] + (ll[i + 2] - ll[i]) * t, ll[i + 1] + (ll[i + 3] - ll[i + 1]) * t, undefined, liftM));
    }
  }
  return positions;
}
