import type { LineOfSight, PlanePoint } from '../../../../analysis/sight/lineOfSight';
import { VIEWSHED_HIDDEN, VIEWSHED_VISIBLE, type Viewshed } from '../../../../analysis/sight/viewshed';
import type { LocalFrame } from '../../../../geo/LocalFrame';
import type { ColorScale } from '../../../../view/overlay/ColorScale';
import type { HeatGridLayer, OverlayLayer, OverlayLine, OverlayPoint } from '../../../../view/overlay/overlayLayers';

export const SIGHT_LAYERS = { line: 'sight:line', ends: 'sight:ends', viewshed: 'sight:viewshed', observer: 'sight:observer' } as const;

const VISIBLE = '#22c55e', BLOCKED = '#ef4444';

/** The viewshed drape's two classes. */
export const VIEWSHED_SCALE: ColorScale = {
  property: 'visible', title: 'Viewshed', unit: '', kind: 'stepped',
  classes: [{ color: BLOCKED, label: 'hidden from the observer', min: 0, max: 0.5 }, { color: VISIBLE, label: 'visible from the observer', min: 0.5, max: 2 }],
};

/**
 * A line of sight as overlay layers: the sight line in 3D, green from the eye to the first
 * obstruction (or the target), red beyond it; markers at the eye, the target and the obstruction.
 */
export function sightLineLayers(los: LineOfSight, from: PlanePoint, to: PlanePoint, frame: LocalFrame): Array<[string, OverlayLayer]> {
  const ll = (p: PlanePoint) => frame.toLonLat(p[0], p[1]);
  const stop = los.obstruction?.pointM ?? to;
  const lines: OverlayLine[] = [{ id: 'sight-visible', lonLatDeg: [...ll(from), ...ll(stop)], heightsM: [from[2], stop[2]], color: VISIBLE, widthPx: 4 }];
  if (los.obstruction) lines.push({ id: 'sight-blocked', lonLatDeg: [...ll(stop), ...ll(to)], heightsM: [stop[2], to[2]], color: BLOCKED, widthPx: 4 });
  const point = (id: string, p: PlanePoint, color: string, title: string) => ({ id, lonDeg: ll(p)[0], latDeg: ll(p)[1], heightM: p[2], color, sizePx: 11, title });
  const points: OverlayPoint[] = [point('sight-eye', from, '#f8fafc', 'Observer'), point('sight-target', to, los.visible ? VISIBLE : BLOCKED, 'Target')];
  if (los.obstruction) points.push(point('sight-obstruction', los.obstruction.pointM, '#facc15', 'First obstruction'));
  return [[SIGHT_LAYERS.line, { kind: 'lines', lines }], [SIGHT_LAYERS.ends, { kind: 'points', points }]];
}

/**
 * A viewshed raster as a drape: visible cells green, hidden red, outside the radius transparent.
 * The raster lies on the city plane's axes, which is an exact lon/lat rectangle.
 */
export function viewshedLayer(v: Viewshed, frame: LocalFrame, opacity = 0.45): HeatGridLayer {
  const [westDeg, southDeg] = frame.toLonLat(v.originM[0], v.originM[1]);
  const [eastDeg, northDeg] = frame.toLonLat(v.originM[0] + v.width * v.cellSizeM, v.originM[1] + v.height * v.cellSizeM);
  const values = new Float32Array(v.cells.length);
  for (let k = 0; k < values.length; k++) values[k] = v.cells[k] === VIEWSHED_VISIBLE ? 1 : v.cells[k] === VIEWSHED_HIDDEN ? 0 : NaN;
  return { kind: 'heatGrid', westDeg, southDeg, eastDeg, northDeg, cols: v.width, rows: v.height, values, scale: VIEWSHED_SCALE, opacity };
}
