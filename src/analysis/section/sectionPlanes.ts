import type { LocalFrame } from '../../geo/LocalFrame';

/**
 * A clipping plane for the views, as pure geometry: points p with normal·p + distance >= 0 are
 * kept (Cesium's ClippingPlane convention). Given in the city's ENU frame at its origin (x east,
 * y north, z up, m) and in ECEF (m), so a view uses whichever its tileset is placed in.
 */
export interface SectionPlane {
  kind: 'vertical' | 'horizontal';
  normalEnu: [number, number, number];
  distanceEnu: number;
  normalEcef: [number, number, number];
  distanceEcef: number;
  /** What the plane is for, in words (for the panel). */
  label: string;
}

function toEcef(frame: LocalFrame, n: [number, number, number], pointEnu: [number, number, number]): { normalEcef: [number, number, number]; distanceEcef: number } {
  const m = frame.enuToEcefMatrix();
  const normalEcef: [number, number, number] = [m[0] * n[0] + m[4] * n[1] + m[8] * n[2], m[1] * n[0] + m[5] * n[1] + m[9] * n[2], m[2] * n[0] + m[6] * n[1] + m[10] * n[2]];
  const p = [m[0] * pointEnu[0] + m[4] * pointEnu[1] + m[8] * pointEnu[2] + m[12], m[1] * pointEnu[0] + m[5] * pointEnu[1] + m[9] * pointEnu[2] + m[13], m[2] * pointEnu[0] + m[6] * pointEnu[1] + m[10] * pointEnu[2] + m[14]];
  return { normalEcef, distanceEcef: -(normalEcef[0] * p[0] + normalEcef[1] * p[1] + normalEcef[2] * p[2]) };
}

/**
 * A vertical section through the line a -> b (lon/lat deg): the half-space to the left of the
 * direction of travel is kept (swap a and b to keep the other side).
 */
export function verticalSection(frame: LocalFrame, a: [number, number], b: [number, number]): SectionPlane {
  const pa = frame.toPlane(a[0], a[1]), pb = frame.toPlane(b[0], b[1]);
  const len = Math.hypot(pb[0] - pa[0], pb[1] - pa[1]);
  if (!(len > 0.01)) throw new Error('verticalSection: the two points of the section line are the same');
  // Left of a -> b is the direction (-dy, dx).
  const n: [number, number, number] = [-(pb[1] - pa[1]) / len, (pb[0] - pa[0]) / len, 0];
  const point: [number, number, number] = [0, 0, 0];
  frame.planeToEnu(pa[0], pa[1], 0, point);
  n[2] = 0;
  return { kind: 'vertical', normalEnu: n, distanceEnu: -(n[0] * point[0] + n[1] * point[1]), ...toEcef(frame, n, point), label: `vertical section along ${len.toFixed(0)} m` };
}

/**
 * A horizontal section at an ellipsoidal height (m) over a plane point: everything above is cut
 * away (keepBelow, default) or everything below. Exact at that point; across a city the ENU plane
 * drifts from the level surface by d²/2R (0.8 m at 3.2 km), so cut per building with floorCut.
 */
export function horizontalSection(frame: LocalFrame, atM: [number, number], heightM: number, keepBelow = true): SectionPlane {
  const p: [number, number, number] = [0, 0, 0];
  frame.planeToEnu(atM[0], atM[1], heightM, p);
  const n: [number, number, number] = [0, 0, keepBelow ? -1 : 1];
  return { kind: 'horizontal', normalEnu: n, distanceEnu: -n[2] * p[2], ...toEcef(frame, n, p), label: `${keepBelow ? 'everything above' : 'everything below'} ${heightM.toFixed(1)} m cut away` };
}

/** The plane that hides every floor of a building above `floor` (1-based): a cut at that floor's ceiling. */
export function floorCut(frame: LocalFrame, building: { footprint: ReadonlyArray<readonly [number, number]>; heightM: number; floors: number }, groundM: number, floor: number): SectionPlane {
  if (!(floor >= 1 && floor <= building.floors)) throw new Error(`floorCut: floor must be in 1..${building.floors}, got ${floor}`);
  let x = 0, y = 0;
  for (const p of building.footprint) { x += p[0]; y += p[1]; }
  const ceiling = groundM + (floor * building.heightM) / building.floors;
  return { ...horizontalSection(frame, [x / building.footprint.length, y / building.footprint.length], ceiling - 0.05), label: `floors above ${floor} hidden` };
}
