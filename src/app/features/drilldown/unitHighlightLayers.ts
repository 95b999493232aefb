import type { DemGrid } from '../../../geo/DemGrid';
import type { CityTwin } from '../../../twin/CityTwin';
import { buildingExtentM } from '../../../twin/buildingExtent';
import type { TwinUnit } from '../../../twin/SpatialHierarchy';
import { BUILDING_COLOR_PRIORITY } from '../../../view/overlay/buildingColorPriority';
import type { OverlayLayer } from '../../../view/overlay/overlayLayers';

const OUTLINE = '#38bdf8';
const FLOOR = '#f97316';

/** Overlay layers that show a selected unit, and where to look at it from. */
export interface UnitHighlight {
  layers: Array<[id: string, layer: OverlayLayer]>;
  /** Centre (degrees), ground or roof height (m) and a range (m) that frames the unit. */
  look: { lonDeg: number; latDeg: number; heightM: number; rangeM: number };
}

/**
 * How the drill-down shows a unit in either view: a unit's boundary as an outlined polygon, a
 * building in the selection colour, a floor as a solid slab at its height inside its building.
 */
export function unitHighlight(model: CityTwin, dem: DemGrid | null, unit: TwinUnit): UnitHighlight | null {
  const { hierarchy, frame } = model;
  const flat = (ring: ReadonlyArray<readonly [number, number]>) => ring.flatMap(([x, y]) => frame.toLonLat(x, y));
  if (unit.level === 'building' || unit.level === 'floor') {
    const id = unit.level === 'floor' ? unit.parentId! : unit.id;
    const b = model.buildings[model.registry.buildingIndex(id)];
    const { roofM } = dem ? buildingExtentM(b, dem) : { roofM: b.heightM };
    const layers: UnitHighlight['layers'] = [['drilldown:building', {
      kind: 'featureColors', colors: new Map([[id, OUTLINE]]), priority: BUILDING_COLOR_PRIORITY.selection,
    }]];
    if (unit.level === 'floor') {
      const slice = hierarchy.floors(id).find((f) => f.id === unit.id)!;
      const base = roofM - b.heightM;
      layers.push(['drilldown:floor', { kind: 'polygons', polygons: [{
        id: unit.id, ringLonLatDeg: flat(grow(b.footprint, 0.8)), fill: FLOOR, fillOpacity: 0.85,
        extrude: { baseM: base + slice.baseM, topM: base + slice.topM },
      }] }]);
    }
    const [cx, cy] = centroid(b.footprint);
    const [lonDeg, latDeg] = frame.toLonLat(cx, cy);
    return { layers, look: { lonDeg, latDeg, heightM: roofM, rangeM: Math.max(300, b.heightM * 2.6, 160) } };
  }
  const rings = hierarchy.ringsOf(unit.id) ?? [];
  if (!rings.length) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const r of rings) for (const [x, y] of r) { minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y); }
  const [lonDeg, latDeg] = frame.toLonLat((minX + maxX) / 2, (minY + maxY) / 2);
  return {
    layers: [['drilldown:unit', { kind: 'polygons', polygons: rings.map((r, k) => ({ id: `${unit.id}#${k}`, ringLonLatDeg: flat(r), fill: OUTLINE, fillOpacity: 0.08, outline: OUTLINE })) }]],
    look: { lonDeg, latDeg, heightM: dem?.sample((minX + maxX) / 2, (minY + maxY) / 2) ?? 0, rangeM: Math.max(300, Math.hypot(maxX - minX, maxY - minY) * 1.3) },
  };
}

function centroid(ring: ReadonlyArray<[number, number]>): [number, number] {
  return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
}

/** Moves every vertex of a simple ring outward from its centroid by about `m` meters (a slab that shows outside the walls). */
function grow(ring: ReadonlyArray<[number, number]>, m: number): Array<[number, number]> {
  const [cx, cy] = centroid(ring);
  return ring.map(([x, y]) => {
    const d = Math.hypot(x - cx, y - cy) || 1;
    return [x + ((x - cx) / d) * m * 1.42, y + ((y - cy) / d) * m * 1.42];
  });
}
