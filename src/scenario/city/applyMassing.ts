import type { LocalFrame } from '../../geo/LocalFrame';
import type { BuildingUse } from '../../twin/BuildingUse';
import { AREA_PER_PERSON, OCCUPANCY_SHARE } from '../../twin/occupancy';
import { ringArea } from '../../analysis/scene/PrismSet';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import { pointInRing } from '../../twin/BuildingGrid';
import type { InterventionOf, Scenario } from '../schema/Scenario';

/** What a scenario's massing interventions do to the city's buildings. */
export interface MassingChange {
  /** The city's buildings after: kept, flattened, then the proposed ones. */
  buildings: BuildingRecord[];
  proposed: BuildingRecord[];
  /** Existing buildings removed or flattened, as they were before. */
  cleared: Array<{ before: BuildingRecord; mode: 'remove' | 'flatten'; interventionId: string }>;
}

/** Plane ring of a lon/lat ring (closing point dropped). */
export function planeRing(frame: LocalFrame, ring: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const r = ring.map(([lon, lat]) => frame.toPlane(lon, lat));
  const a = r[0], z = r[r.length - 1];
  if (r.length > 3 && a[0] === z[0] && a[1] === z[1]) r.pop();
  return r;
}

/** Vertex centroid of a ring (plane m). */
export function centroid(ring: ReadonlyArray<readonly [number, number]>): [number, number] {
  let x = 0, y = 0;
  for (const p of ring) { x += p[0]; y += p[1]; }
  return [x / ring.length, y / ring.length];
}

/** The footprint ring (lon/lat) of a proposeBuilding: `footprint`, or the outer ring of `geometry`. */
export function proposedRing(iv: InterventionOf<'proposeBuilding'>): ReadonlyArray<readonly [number, number]> {
  return iv.footprint ?? iv.geometry!.coordinates[0];
}

/** A proposed building as a city record: unit ids from the nearest existing building, people from floor area. */
function proposedRecord(iv: InterventionOf<'proposeBuilding'>, frame: LocalFrame, nearest: BuildingRecord | undefined): BuildingRecord {
  const footprint = planeRing(frame, proposedRing(iv));
  if (ringArea(footprint) < 0) footprint.reverse();
  const floorH = iv.floorHeightM ?? 3;
  const floors = iv.floors ?? Math.max(1, Math.round(iv.heightM! / floorH));
  const heightM = iv.heightM ?? floors * floorH;
  const population = iv.population ?? Math.round((Math.abs(ringArea(footprint)) * floors * OCCUPANCY_SHARE) / AREA_PER_PERSON[iv.use as BuildingUse]);
  return {
    id: `P-${iv.id}`, footprint, heightM, floors, use: iv.use, population,
    addressId: '', address: iv.name ?? `proposed ${iv.id}`, addressPinyin: '',
    districtId: nearest?.districtId ?? '', streetId: nearest?.streetId ?? '', communityId: nearest?.communityId ?? '', gridId: nearest?.gridId ?? '',
  };
}

/**
 * Applies the proposeBuilding and clearBuildings interventions of a (variant-applied) scenario to
 * the buildings; null when it has none. A clearBuildings takes the listed ids and the buildings
 * whose footprint centre lies in its polygon (the site's when it gives neither).
 */
export function applyMassing(s: Scenario, buildings: ReadonlyArray<BuildingRecord>, frame: LocalFrame): MassingChange | null {
  const clears = s.interventions.filter((i): i is InterventionOf<'clearBuildings'> => i.kind === 'clearBuildings');
  const proposals = s.interventions.filter((i): i is InterventionOf<'proposeBuilding'> => i.kind === 'proposeBuilding');
  if (!clears.length && !proposals.length) return null;
  const action = new Map<number, InterventionOf<'clearBuildings'>>();
  for (const c of clears) {
    const ring = c.polygon ?? (c.buildingIds ? null : s.site?.polygon);
    const plane = ring ? planeRing(frame, ring) : null;
    const ids = new Set(c.buildingIds ?? []);
    buildings.forEach((b, i) => {
      if (ids.has(b.id) || (plane && pointInRing(...centroid(b.footprint), plane))) action.set(i, c);
    });
  }
  const out: BuildingRecord[] = [], cleared: MassingChange['cleared'] = [];
  buildings.forEach((b, i) => {
    const c = action.get(i);
    if (!c) { out.push(b); return; }
    cleared.push({ before: b, mode: c.mode, interventionId: c.id });
    const keep = c.mode === 'flatten' ? Math.min(b.heightM, c.flattenToM ?? 0) : 0;
    if (keep > 0) {
      const floors = Math.max(1, Math.floor((keep / b.heightM) * b.floors));
      out.push({ ...b, heightM: keep, floors, population: Math.round((b.population * floors) / b.floors) });
    }
  });
  const proposed = proposals.map((iv) => {
    const [x, y] = centroid(planeRing(frame, proposedRing(iv)));
    let best: BuildingRecord | undefined, bestD = Infinity;
    for (const b of buildings) {
      const [bx, by] = centroid(b.footprint), d = (bx - x) ** 2 + (by - y) ** 2;
      if (d < bestD) { bestD = d; best = b; }
    }
    return proposedRecord(iv, frame, best);
  });
  return { buildings: [...out, ...proposed], proposed, cleared };
}
