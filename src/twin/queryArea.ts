import type { EntityCounts } from './addressEntities';
import { pointInRing } from './BuildingGrid';
import type { CityTwin } from './CityTwin';
import type { UnitLevel } from './SpatialHierarchy';

/** A drawn query shape in WGS84 lon/lat degrees. */
export type AreaShape =
  | { type: 'circle'; centerLonLat: [number, number]; radiusM: number }
  | { type: 'polygon'; ringLonLat: Array<[number, number]> };

/** A sensor as the query takes it. */
export interface SensorPoint {
  id: string;
  lonLat: [number, number];
}

/** What of one unit lies inside the shape. */
export interface UnitInArea extends EntityCounts {
  unitId: string;
  level: UnitLevel;
  name: string;
  buildings: number;
  sensors: number;
  /** Share of the unit's buildings that are inside (0..1); 1 means wholly covered. */
  coverage: number;
}

export interface AreaQueryResult {
  shape: AreaShape;
  /** Shape area (m²). */
  areaM2: number;
  /** Building indices and ids inside (centroid inside), ascending index. */
  buildingIndices: number[];
  buildingIds: string[];
  sensorIds: string[];
  totals: EntityCounts & { buildings: number; floors: number; sensors: number };
  /** Every unit (district .. grid) with something inside, top level first. */
  units: UnitInArea[];
}

const ORDER: Record<string, number> = { city: 0, district: 1, street: 2, community: 3, grid: 4 };

function toPlaneRing(twin: CityTwin, shape: AreaShape): Array<[number, number]> | null {
  if (shape.type === 'circle') {
    if (!(shape.radiusM > 0)) throw new RangeError(`queryArea: radiusM must be > 0 (meters), got ${shape.radiusM}`);
    return null;
  }
  if (!Array.isArray(shape.ringLonLat) || shape.ringLonLat.length < 3) throw new RangeError(`queryArea: ringLonLat needs at least 3 [lonDeg, latDeg] points, got ${shape.ringLonLat?.length ?? 0}`);
  return shape.ringLonLat.map(([lon, lat]) => twin.frame.toPlane(lon, lat));
}

function ringArea(ring: Array<[number, number]>): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) { const p = ring[i], q = ring[(i + 1) % ring.length]; a += p[0] * q[1] - q[0] * p[1]; }
  return Math.abs(a) / 2;
}

/**
 * Units, buildings, people and sensors inside a circle or polygon (lon/lat): buildings by
 * centroid (via the twin's grid index), counts from the address registry, sensors by position,
 * and a row per touched unit with its share covered. Pure; no DOM.
 */
export function queryArea(twin: CityTwin, shape: AreaShape, sensors: ReadonlyArray<SensorPoint> = []): AreaQueryResult {
  const ring = toPlaneRing(twin, shape);
  const [cx, cy] = shape.type === 'circle' ? twin.frame.toPlane(...shape.centerLonLat) : [0, 0];
  const inside = (x: number, y: number) => (ring ? pointInRing(x, y, ring) : (x - cx) ** 2 + (y - cy) ** 2 <= (shape as { radiusM: number }).radiusM ** 2);
  const idx = ring ? twin.grid.inPolygon(ring) : twin.grid.inCircle(cx, cy, (shape as { radiusM: number }).radiusM);
  const r = twin.registry, h = twin.hierarchy;
  const totals = { people: 0, households: 0, companies: 0, events: 0, devices: 0, buildings: idx.length, floors: 0, sensors: 0 };
  const rows = new Map<string, UnitInArea>();
  const row = (id: string): UnitInArea => {
    let u = rows.get(id);
    if (!u) {
      const n = h.node(id)!;
      u = { unitId: id, level: n.level, name: n.name, buildings: 0, people: 0, households: 0, companies: 0, events: 0, devices: 0, sensors: 0, coverage: 0 };
      rows.set(id, u);
    }
    return u;
  };
  for (const i of idx) {
    const c = r.countsOfBuilding(i);
    totals.floors += twin.buildings[i].floors;
    for (const k of ['people', 'households', 'companies', 'events', 'devices'] as const) totals[k] += c[k];
    for (const a of h.ancestors(twin.buildings[i].id)) {
      if (a.level === 'city' || a.level === 'building') continue;
      const u = row(a.id);
      u.buildings++;
      for (const k of ['people', 'households', 'companies', 'events', 'devices'] as const) u[k] += c[k];
    }
  }
  const sensorIds: string[] = [];
  for (const s of sensors) {
    const [x, y] = twin.frame.toPlane(s.lonLat[0], s.lonLat[1]);
    if (!inside(x, y)) continue;
    sensorIds.push(s.id);
    for (const a of h.ancestors(twin.locateUnit(x, y))) if (a.level !== 'city' && a.level !== 'building') row(a.id).sensors++;
  }
  totals.sensors = sensorIds.length;
  for (const u of rows.values()) { const all = h.buildingsUnder(u.unitId).length; u.coverage = all ? u.buildings / all : 0; }
  const units = [...rows.values()].sort((a, b) => ORDER[a.level] - ORDER[b.level] || a.unitId.localeCompare(b.unitId));
  const areaM2 = ring ? ringArea(ring) : Math.PI * (shape as { radiusM: number }).radiusM ** 2;
  return { shape, areaM2, buildingIndices: idx, buildingIds: idx.map((i) => twin.buildings[i].id), sensorIds, totals, units };
}
