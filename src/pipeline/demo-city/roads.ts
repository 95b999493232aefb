import { BLOCK_M, CITY_HALF_SIDE_M, NAME_PARTS, RADIAL_ANGLES_DEG, RING_RADII_M } from './layout';
import type { PlaneRoad as AnyPlaneRoad, RoadClass } from '../../twin/PlaneRoad';

export type { RoadClass } from '../../twin/PlaneRoad';
/** A demo city road: its class is one of the demo's. */
export type PlaneRoad = AnyPlaneRoad<RoadClass>;

const RING_NAMES = [['一环路', 'Yihuan Lu'], ['二环路', 'Erhuan Lu'], ['三环路', 'Sanhuan Lu']] as const;

/** The demo city's roads: a 250 m grid (1 km arterials), three rings and eight radial avenues. */
export function generateRoads(): PlaneRoad[] {
  const roads: PlaneRoad[] = [];
  const n = Math.round(CITY_HALF_SIDE_M / BLOCK_M);
  for (let k = -n; k <= n; k++) {
    const c = k * BLOCK_M;
    const arterial = k % 4 === 0;
    // Every fifth local street is one-way, alternating direction.
    const oneway = !arterial && ((k % 5) + 5) % 5 === 2;
    const forward = ((k % 2) + 2) % 2 === 0;
    const part = NAME_PARTS[(k + n) % NAME_PARTS.length];
    const part2 = NAME_PARTS[(k + n + 17) % NAME_PARTS.length];
    const common = {
      roadClass: (arterial ? 'secondary' : 'local') as RoadClass,
      speedKmh: arterial ? 40 : 30,
      oneway,
      lanes: arterial ? 4 : 2,
      widthM: arterial ? 24 : 12,
    };
    const ns: Array<[number, number]> = [[c, -CITY_HALF_SIDE_M], [c, CITY_HALF_SIDE_M]];
    const ew: Array<[number, number]> = [[-CITY_HALF_SIDE_M, c], [CITY_HALF_SIDE_M, c]];
    roads.push({ id: `R-NS-${k + n}`, name: `${part[0]}路`, namePinyin: `${part[1]} Lu`, ...common, coords: forward ? ns : ns.reverse() });
    roads.push({ id: `R-EW-${k + n}`, name: `${part2[0]}街`, namePinyin: `${part2[1]} Jie`, ...common, coords: forward ? ew : ew.reverse() });
  }
  RING_RADII_M.forEach((r, i) => {
    const segments = 96;
    const coords: Array<[number, number]> = [];
    for (let s = 0; s <= segments; s++) {
      const a = (2 * Math.PI * (s % segments)) / segments;
      coords.push([round(r * Math.cos(a)), round(r * Math.sin(a))]);
    }
    roads.push({
      id: `R-RING-${i + 1}`, name: RING_NAMES[i][0], namePinyin: RING_NAMES[i][1],
      roadClass: i === 0 ? 'primary' : 'expressway', speedKmh: [50, 60, 80][i], oneway: false,
      lanes: [6, 8, 8][i], widthM: [30, 40, 40][i], coords,
    });
  });
  RADIAL_ANGLES_DEG.forEach((deg, i) => {
    const a = (deg * Math.PI) / 180;
    const reach = CITY_HALF_SIDE_M / Math.max(Math.abs(Math.cos(a)), Math.abs(Math.sin(a)));
    const coords: Array<[number, number]> = [];
    for (let r = 300; r < reach; r += 250) coords.push([round(r * Math.cos(a)), round(r * Math.sin(a))]);
    coords.push([round(reach * Math.cos(a)), round(reach * Math.sin(a))]);
    const part = NAME_PARTS[(i * 5 + 3) % NAME_PARTS.length];
    roads.push({
      id: `R-RAD-${i + 1}`, name: `${part[0]}大道`, namePinyin: `${part[1]} Dadao`,
      roadClass: 'primary', speedKmh: 60, oneway: false, lanes: 6, widthM: 32, coords,
    });
  });
  return roads;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Distance (m) from a point to a polyline. */
export function distanceToPolylineM(x: number, y: number, coords: ReadonlyArray<[number, number]>): number {
  let best = Infinity;
  for (let i = 1; i < coords.length; i++) {
    const [ax, ay] = coords[i - 1], [bx, by] = coords[i];
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
    const d = Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
    if (d < best) best = d;
  }
  return best;
}
