import { measureAreaM2, measureDistance, type LonLatHeight } from '../../../../analysis/measure/measure';
import type { MeasureMode } from '../../../../ui/analysis/MeasurePanel';
import type { OverlayLabel, OverlayLayer, OverlayPoint } from '../../../../view/overlay/overlayLayers';


export const MEASURE_LAYERS = { line: 'measure:line', area: 'measure:area', points: 'measure:points', labels: 'measure:labels' } as const;

/** Meters with one decimal below 10 km, else kilometres. */
export function formatLength(m: number): string {
  return m < 10_000 ? `${m.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} m` : `${(m / 1000).toLocaleString('en', { maximumFractionDigits: 3 })} km`;
}

/** m² below 1 km², else km² and hectares. */
export function formatArea(m2: number): string {
  return m2 < 1e6 ? `${Math.round(m2).toLocaleString('en')} m² (${(m2 / 1e4).toFixed(2)} ha)` : `${(m2 / 1e6).toFixed(3)} km² (${(m2 / 1e4).toFixed(1)} ha)`;
}

/** The lengths of a polyline of surface points: along the ellipsoid, straight between the 3D points, and the climb. */
export interface PolylineLengths { geodesicM: number; straightM: number; heightDiffM: number; segmentsM: number[] }

export function polylineLengths(pts: readonly LonLatHeight[]): PolylineLengths {
  let geodesicM = 0, straightM = 0;
  const segmentsM: number[] = [];
  for (let k = 1; k < pts.length; k++) {
    const d = measureDistance(pts[k - 1], pts[k]);
    geodesicM += d.geodesicM;
    straightM += d.straightM;
    segmentsM.push(d.geodesicM);
  }
  return { geodesicM, straightM, heightDiffM: pts.length > 1 ? pts[pts.length - 1][2] - pts[0][2] : 0, segmentsM };
}

/** The area of a polygon of points (m²) and its perimeter along the ellipsoid (m). */
export function polygonMeasures(pts: readonly LonLatHeight[]): { areaM2: number; perimeterM: number } {
  const ring = pts.map((p) => [p[0], p[1]] as [number, number]);
  return { areaM2: measureAreaM2(ring), perimeterM: polylineLengths([...pts, pts[0]]).geodesicM };
}

/** Lines and markers lift this far above the surface points (m) so roofs do not hide them. */
const LIFT_M = 1;

/**
 * What a measurement draws: its points, the 3D polyline through them (or the polygon, draped,
 * for an area) and a label with the length of each segment and the total (or the area).
 */
export function measureLayers(mode: MeasureMode, pts: readonly LonLatHeight[], totalText: string | null): Array<[string, OverlayLayer]> {
  const points: OverlayPoint[] = pts.map((p, k) => ({ id: `measure-${k}`, lonDeg: p[0], latDeg: p[1], heightM: p[2] + LIFT_M, color: '#facc15', sizePx: 9 }));
  const out: Array<[string, OverlayLayer]> = [[MEASURE_LAYERS.points, { kind: 'points', points }]];
  const labels: OverlayLabel[] = [];
  if (pts.length >= 2 && mode !== 'height') {
    const ring = mode === 'area' && pts.length >= 3 ? [...pts, pts[0]] : pts;
    out.push([MEASURE_LAYERS.line, { kind: 'lines', lines: [{ id: 'measure-line', lonLatDeg: ring.flatMap((p) => [p[0], p[1]]), heightsM: ring.map((p) => p[2] + LIFT_M), color: '#facc15', widthPx: 3 }] }]);
    if (mode !== 'area') polylineLengths(pts).segmentsM.forEach((m, k) => {
      const a = pts[k], b = pts[k + 1];
      labels.push({ id: `measure-seg-${k}`, lonDeg: (a[0] + b[0]) / 2, latDeg: (a[1] + b[1]) / 2, heightM: (a[2] + b[2]) / 2 + LIFT_M, text: formatLength(m), color: '#fde68a' });
    });
  }
  if (mode === 'area' && pts.length >= 3) {
    out.push([MEASURE_LAYERS.area, { kind: 'polygons', polygons: [{ id: 'measure-area', ringLonLatDeg: pts.flatMap((p) => [p[0], p[1]]), fill: '#facc15', fillOpacity: 0.25 }] }]);
  }
  const last = pts[pts.length - 1];
  if (totalText && last) labels.push({ id: 'measure-total', lonDeg: last[0], latDeg: last[1], heightM: last[2] + LIFT_M + 12, text: totalText, color: '#ffffff' });
  if (labels.length) out.push([MEASURE_LAYERS.labels, { kind: 'labels', labels }]);
  return out;
}
