import { LocalFrame } from '../../geo/LocalFrame';
import type { RasterGrid } from '../../sim/core/RasterGrid';
import type { OverlayModel } from '../overlay/OverlayModel';

/** A place the auto tour visits: a look at a lon/lat point from a distance. */
export interface TourStop {
  /** Shown on the wall and in `body[data-tour-stop]`. */
  name: string;
  kind: 'city' | 'district' | 'flood' | 'alert';
  lonDeg: number;
  latDeg: number;
  /** Camera distance from the point (m). */
  rangeM: number;
  /** Compass heading of the view (rad, 0 = looking north) and pitch (rad, negative = down). */
  headingRad: number;
  pitchRad: number;
}

interface UnitFeature {
  properties: { id: string; level: string; name: string; namePinyin?: string };
  geometry: { type: string; coordinates: number[][][] | number[][][][] };
}

const DEG = Math.PI / 180;
const M_PER_DEG_LAT = 111_320;

/** The district stops from a units GeoJSON (level 'district'): centred on each district's box, far enough to see all of it. */
export function districtStops(units: { features: UnitFeature[] }): TourStop[] {
  const out: TourStop[] = [];
  units.features.forEach((f, i) => {
    if (f.properties.level !== 'district') return;
    const rings = (f.geometry.type === 'MultiPolygon' ? (f.geometry.coordinates as number[][][][]).flat() : f.geometry.coordinates as number[][][]);
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (const ring of rings) for (const [lon, lat] of ring) { w = Math.min(w, lon); e = Math.max(e, lon); s = Math.min(s, lat); n = Math.max(n, lat); }
    if (!Number.isFinite(w)) return;
    const latDeg = (s + n) / 2;
    const widthM = (e - w) * M_PER_DEG_LAT * Math.cos(latDeg * DEG), heightM = (n - s) * M_PER_DEG_LAT;
    out.push({
      name: f.properties.namePinyin ? `${f.properties.name} ${f.properties.namePinyin}` : f.properties.name,
      kind: 'district', lonDeg: (w + e) / 2, latDeg, rangeM: Math.max(1500, Math.hypot(widthM, heightM) * 0.95),
      // Each district seen from a different side keeps the tour from feeling repetitive.
      headingRad: ((i * 67) % 360) * DEG, pitchRad: -38 * DEG,
    });
  });
  return out;
}

/** One stop per open alert: the model's points flagged `alert`, in layer order. */
export function alertStops(model: OverlayModel): TourStop[] {
  const out: TourStop[] = [];
  for (const { layer } of model.layersOfKind('points')) {
    for (const p of layer.points) {
      if (!p.alert) continue;
      out.push({ name: p.title ?? p.id, kind: 'alert', lonDeg: p.lonDeg, latDeg: p.latDeg, rangeM: 1100, headingRad: 20 * DEG, pitchRad: -35 * DEG });
    }
  }
  return out;
}

/** A look at a flood run's grid: centred on it, far enough to see all of it, from the south-west. */
export function floodStop(grid: RasterGrid, name = 'Flood what-if'): TourStop {
  const xM = grid.xMinM + (grid.width * grid.cellSizeM) / 2, yM = grid.yMinM + (grid.height * grid.cellSizeM) / 2;
  const [lonDeg, latDeg] = new LocalFrame(grid.originLonDeg, grid.originLatDeg).toLonLat(xM, yM);
  const sizeM = Math.hypot(grid.width, grid.height) * grid.cellSizeM;
  return { name, kind: 'flood', lonDeg, latDeg, rangeM: Math.max(800, sizeM * 1.1), headingRad: 30 * DEG, pitchRad: -40 * DEG };
}

/** The whole tour: the city overview, the featured stops (e.g. the flood being shown), each district, then each alert. */
export function tourStops(city: TourStop, districts: readonly TourStop[], model: OverlayModel, featured: readonly TourStop[] = []): TourStop[] {
  return [city, ...featured, ...districts, ...alertStops(model)];
}
