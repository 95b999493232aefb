import type { OverlayLayer, OverlayLine, OverlayPoint, OverlayPolygon } from '../../view/overlay/overlayLayers';
import type { Feature } from './GeoJson';
import type { ColorBy, ResultLayer, RunResult } from '../run/RunResult';

/** Prefix of the overlay layer ids a scenario sets (so they can be found and cleared). */
export const SCENARIO_OVERLAY_PREFIX = 'scenario:';

/** The colour of a feature under a layer style. */
export function featureColor(f: Feature, color: string, by?: ColorBy): string {
  if (!by) return color;
  const v = f.properties[by.property];
  if (by.categories && typeof v === 'string') return by.categories[v] ?? color;
  if (by.stops && typeof v === 'number') {
    let c = color;
    for (const [threshold, css] of by.stops) if (v >= threshold) c = css;
    return c;
  }
  return color;
}

/** A solid instead of a drape when the feature carries `extrudeBaseM` and `extrudeTopM` (ellipsoidal m), e.g. a proposed building. */
function extrudeOf(f: Feature): Pick<OverlayPolygon, 'extrude'> {
  const { extrudeBaseM: baseM, extrudeTopM: topM } = f.properties;
  return typeof baseM === 'number' && typeof topM === 'number' && topM > baseM ? { extrude: { baseM, topM } } : {};
}

const flat = (ring: ReadonlyArray<readonly [number, number]>) => ring.flatMap(([x, y]) => [x, y]);

/**
 * One result layer at one frame as overlay layers (points, lines, polygons), the data both views
 * draw. Polygons keep their outer rings only: the overlay model has no holes, so islands inside a
 * flood extent are filled (the water is drawn under the buildings anyway). A layer that
 * `hidesBuildings` also takes its buildings out of the tilesets (a 'hide' building colour layer).
 */
export function resultLayerToOverlay(l: ResultLayer, frame: number): Array<[string, OverlayLayer]> {
  const features = [...(l.features ?? []), ...(l.frames?.[frame] ?? [])];
  const points: OverlayPoint[] = [], lines: OverlayLine[] = [], polygons: OverlayPolygon[] = [];
  features.forEach((f, k) => {
    const color = featureColor(f, l.style.color, l.style.colorBy), id = `${l.id}/${k}`, g = f.geometry;
    if (g.type === 'Point') points.push({ id, lonDeg: g.coordinates[0], latDeg: g.coordinates[1], color, sizePx: l.style.pointSizePx ?? 8 });
    else if (g.type === 'LineString' && g.coordinates.length >= 2) lines.push({ id, lonLatDeg: flat(g.coordinates), color, widthPx: l.style.lineWidthPx ?? 3 });
    else if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
      const outers = g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);
      outers.forEach((ring, r) => {
        if (ring.length >= 4) polygons.push({ id: `${id}/${r}`, ringLonLatDeg: flat(ring), fill: color, fillOpacity: l.style.fillOpacity ?? 0.4, outline: l.style.lineWidthPx ? color : undefined, ...extrudeOf(f) });
      });
    }
  });
  const id = `${SCENARIO_OVERLAY_PREFIX}${l.id}`;
  const out: Array<[string, OverlayLayer]> = [];
  if (l.style.hidesBuildings) {
    const ids = features.map((f) => f.properties.id).filter((v): v is string => typeof v === 'string' && v !== '');
    if (ids.length) out.push([`${id}:hide`, { kind: 'featureColors', colors: new Map(ids.map((b) => [b, '#000000'])), blend: 'hide' }]);
  }
  if (polygons.length) out.push([`${id}:polygons`, { kind: 'polygons', polygons }]);
  if (lines.length) out.push([`${id}:lines`, { kind: 'lines', lines }]);
  if (points.length) out.push([`${id}:points`, { kind: 'points', points }]);
  return out;
}

/** Every layer of a run at a frame, as overlay layers in drawing order (areas, then lines, then points). */
export function runToOverlay(r: RunResult, frame: number): Array<[string, OverlayLayer]> {
  const all = r.layers.flatMap((l) => resultLayerToOverlay(l, frame));
  const rank = (layer: OverlayLayer) => (layer.kind === 'polygons' ? 0 : layer.kind === 'lines' ? 1 : 2);
  return all.sort((a, b) => rank(a[1]) - rank(b[1]));
}
