import type { AnalysisScene } from '../scene/AnalysisScene';

/** A point in the city plane: x east, y north, z ellipsoidal height (m). */
export type PlanePoint = [number, number, number];

/** A stretch of the sight line, by distance from the observer (m). */
export interface SightSegment {
  fromM: number;
  toM: number;
  visible: boolean;
}

/** What an observer sees along a straight line to a target. */
export interface LineOfSight {
  visible: boolean;
  /** Straight (3D) distance observer -> target (m). */
  distanceM: number;
  /** The first thing in the way, or null when the target is visible. */
  obstruction: null | { kind: 'building' | 'terrain'; prism: number; distanceM: number; pointM: PlanePoint };
  /** Visible up to the obstruction, blocked after it (one segment when visible). */
  segments: SightSegment[];
}

/**
 * Line of sight from `from` to `to` against buildings (exact prism intersection) and terrain. The
 * last `toleranceM` before the target are not tested (default 0.5 m), so a target on a wall or a
 * roof is not hidden by the surface it sits on.
 */
export function lineOfSight(scene: AnalysisScene, from: PlanePoint, to: PlanePoint, toleranceM = 0.5): LineOfSight {
  const dx = to[0] - from[0], dy = to[1] - from[1], dz = to[2] - from[2];
  const distanceM = Math.hypot(dx, dy, dz);
  if (!(distanceM > 0)) throw new Error('lineOfSight: observer and target are the same point');
  const ux = dx / distanceM, uy = dy / distanceM, uz = dz / distanceM;
  const hit = scene.firstHit(from[0], from[1], from[2], ux, uy, uz, Math.max(0, distanceM - toleranceM));
  if (hit.kind === 'none') return { visible: true, distanceM, obstruction: null, segments: [{ fromM: 0, toM: distanceM, visible: true }] };
  const t = hit.distanceM;
  return {
    visible: false, distanceM,
    obstruction: { kind: hit.kind, prism: hit.prism, distanceM: t, pointM: [from[0] + ux * t, from[1] + uy * t, from[2] + uz * t] },
    segments: [{ fromM: 0, toM: t, visible: true }, { fromM: t, toM: distanceM, visible: false }],
  };
}
