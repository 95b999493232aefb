import type { Placement, RegistryCity } from './RegistryCity';

type Building = RegistryCity['buildings'][number];

/** Uses that must have a monitored fire alarm panel whatever their height. */
const PUBLIC_USES = new Set(['school', 'hospital', 'stadium', 'government', 'police', 'fire_station']);

function bbox(b: Building): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of b.footprint) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
  return [x0, y0, x1, y1];
}

function centroidOf(b: Building): [number, number] {
  const [x0, y0, x1, y1] = bbox(b);
  return [(x0 + x1) / 2, (y0 + y1) / 2];
}

function inBuilding(b: Building, x: number, y: number, nominal: number): Placement {
  return { xM: Math.round(x * 100) / 100, yM: Math.round(y * 100) / 100, buildingId: b.id, place: b.address, placePinyin: b.addressPinyin, nominal };
}

/** Fire alarm panels: high-rise (>= 18 floors), public buildings, and commercial buildings of >= 8 floors. */
export function placeFireAlarms(city: RegistryCity): Placement[] {
  return city.buildings
    .filter((b) => b.floors >= 18 || PUBLIC_USES.has(b.use) || (b.use === 'commercial' && b.floors >= 8))
    .map((b) => { const [x, y] = centroidOf(b); return inBuilding(b, x, y, 0); });
}

/**
 * Crowd cameras: four at the gates of each stadium, and one at each of the `hubs` largest
 * commercial buildings within `hubRadiusM` of the centre. Nominal density persons/m².
 */
export function placeCrowdCameras(city: RegistryCity, hubs = 40, hubRadiusM = 1600): Placement[] {
  const out: Placement[] = [];
  for (const b of city.buildings) {
    if (b.use !== 'stadium') continue;
    const [x0, y0, x1, y1] = bbox(b);
    const mx = (x0 + x1) / 2, my = (y0 + y1) / 2;
    for (const [x, y] of [[mx, y0 + 2], [x1 - 2, my], [mx, y1 - 2], [x0 + 2, my]]) out.push(inBuilding(b, x, y, 0.3));
  }
  const area = (b: Building) => { const [x0, y0, x1, y1] = bbox(b); return (x1 - x0) * (y1 - y0) * b.floors; };
  const candidates = city.buildings
    .filter((b) => b.use === 'commercial' && Math.hypot(...centroidOf(b)) < hubRadiusM)
    .map((b) => ({ b, a: area(b) }))
    .sort((p, q) => q.a - p.a || (p.b.id < q.b.id ? -1 : 1))
    .slice(0, hubs);
  for (const { b } of candidates) { const [x, y] = centroidOf(b); out.push(inBuilding(b, x, y, 0.6)); }
  return out;
}
