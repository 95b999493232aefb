import { floorCut, type SectionPlane } from '../../../../analysis/section/sectionPlanes';
import type { LocalFrame } from '../../../../geo/LocalFrame';
import type { BuildingRecord } from '../../../../twin/BuildingRecord';

/** How far (m) outside a building's walls its floor cut reaches. */
const MARGIN_M = 0.5;

/**
 * The planes that take away one building's floors above `floor` and nothing else: the cut at that
 * floor's ceiling plus one vertical plane per edge of the footprint's convex hull (grown by 0.5 m),
 * each facing out, so that only what is above the ceiling and inside the hull is outside every
 * plane. Apply with `intersect` (clip what lies outside all of them).
 */
export function buildingCut(frame: LocalFrame, b: BuildingRecord, groundM: number, floor: number): SectionPlane[] {
  const top = floorCut(frame, b, groundM, floor);
  const hull = convexHull(b.footprint);
  const m = frame.enuToEcefMatrix();
  const planes: SectionPlane[] = [top];
  const enu = [0, 0, 0];
  const pts = hull.map(([x, y]) => { frame.planeToEnu(x, y, groundM, enu); return [enu[0], enu[1]] as [number, number]; });
  pts.forEach((a, k) => {
    const c = pts[(k + 1) % pts.length], len = Math.hypot(c[0] - a[0], c[1] - a[1]);
    if (len < 1e-6) return;
    const n: [number, number, number] = [(c[1] - a[1]) / len, -(c[0] - a[0]) / len, 0];
    const distanceEnu = -(n[0] * a[0] + n[1] * a[1]) - MARGIN_M;
    const normalEcef: [number, number, number] = [m[0] * n[0] + m[4] * n[1], m[1] * n[0] + m[5] * n[1], m[2] * n[0] + m[6] * n[1]];
    // A point of the plane in ENU is -distance·n; in ECEF it is the rotation of it plus the origin.
    const p = [-distanceEnu * n[0], -distanceEnu * n[1]];
    const pe = [m[0] * p[0] + m[4] * p[1] + m[12], m[1] * p[0] + m[5] * p[1] + m[13], m[2] * p[0] + m[6] * p[1] + m[14]];
    planes.push({ kind: 'vertical', normalEnu: n, distanceEnu, normalEcef, distanceEcef: -(normalEcef[0] * pe[0] + normalEcef[1] * pe[1] + normalEcef[2] * pe[2]), label: `wall ${k + 1} of ${b.id}` });
  });
  return planes.map((q, k) => (k === 0 ? { ...q, label: `${b.id}: floors above ${floor} hidden` } : q));
}

/** Counter-clockwise convex hull of a ring (Andrew's monotone chain). */
export function convexHull(ring: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const p = [...ring].map(([x, y]) => [x, y] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: number[], a: number[], b: number[]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (pts: Array<[number, number]>) => {
    const h: Array<[number, number]> = [];
    for (const q of pts) {
      while (h.length >= 2 && cross(h[h.length - 2], h[h.length - 1], q) <= 0) h.pop();
      h.push(q);
    }
    h.pop();
    return h;
  };
  return [...half(p), ...half([...p].reverse())];
}
