import { UsageError, type ParsedArgs } from '../args';
import { numberFlag } from '../commands/numberFlag';
import { lineOfSight } from '../../analysis/sight/lineOfSight';
import { viewshed } from '../../analysis/sight/viewshed';
import { cityScene, parsePointFlag } from './cityScene';

const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * `analysis los --city NAME --from LON,LAT[,H] --to LON,LAT[,H]`: line of sight between two points
 * (heights above the surface there, default 1.6 m at the eye, 0 at the target): visible, the first
 * obstruction (building id or terrain) and the visible / blocked segments.
 */
export function losCommand(p: ParsedArgs): unknown {
  const { city, scene, buildingOf } = cityScene(p);
  const a = parsePointFlag(p, 'from'), b = parsePointFlag(p, 'to');
  const pa = city.frame.toPlane(a[0], a[1]), pb = city.frame.toPlane(b[0], b[1]);
  const eye: [number, number, number] = [pa[0], pa[1], scene.surfaceM(pa[0], pa[1]) + (a[2] ?? 1.6)];
  const target: [number, number, number] = [pb[0], pb[1], scene.surfaceM(pb[0], pb[1]) + (b[2] ?? 0)];
  const los = lineOfSight(scene, eye, target);
  const o = los.obstruction;
  return {
    visible: los.visible, distanceM: r2(los.distanceM), eyeHeightM: r2(eye[2]), targetHeightM: r2(target[2]),
    obstruction: o && { kind: o.kind, buildingId: buildingOf(o.prism), distanceM: r2(o.distanceM), lonLat: city.frame.toLonLat(o.pointM[0], o.pointM[1]), heightM: r2(o.pointM[2]) },
    segments: los.segments.map((s) => ({ fromM: r2(s.fromM), toM: r2(s.toM), visible: s.visible })),
  };
}

/**
 * `analysis viewshed --city NAME --at LON,LAT [--eye M] [--radius M] [--cell M] [--target M]`: which
 * surface cells (terrain and roofs) an observer sees: counts, visible share and area, and the
 * raster's extent (the cells themselves come from the worker API in the app).
 */
export function viewshedCommand(p: ParsedArgs): unknown {
  const { city, scene } = cityScene(p);
  const at = parsePointFlag(p, 'at');
  if (at[2] !== undefined) throw new UsageError('--at expects LON,LAT (use --eye for the eye height)');
  const [x, y] = city.frame.toPlane(at[0], at[1]);
  const cellSizeM = numberFlag(p, 'cell', 5, 0.5, 'm');
  const t0 = performance.now();
  const v = viewshed(scene, { observerM: [x, y], eyeHeightM: numberFlag(p, 'eye', 1.6, 0, 'm'), radiusM: numberFlag(p, 'radius', 500, 1, 'm'), cellSizeM, targetHeightM: numberFlag(p, 'target', 0, 0, 'm') });
  const seconds = (performance.now() - t0) / 1000;
  const [w, s] = city.frame.toLonLat(v.originM[0], v.originM[1]), [e, n] = city.frame.toLonLat(v.originM[0] + v.width * cellSizeM, v.originM[1] + v.height * cellSizeM);
  return {
    eyeHeightM: r2(v.eyeM[2]), cellsInRadius: v.cellsInRadius, visibleCells: v.visibleCells, visibleShare: r2(v.visibleCells / v.cellsInRadius),
    visibleAreaM2: Math.round(v.visibleCells * cellSizeM * cellSizeM), raster: { width: v.width, height: v.height, cellSizeM, bboxLonLat: [w, s, e, n] },
    seconds: r2(seconds), cellsPerSecond: Math.round(v.cellsInRadius / seconds),
  };
}
