import type { ImportReport } from './ImportReport';
import { parseLengthM, parseLevels } from './parseMeasure';
import type { SourceBuilding } from './SourceBuilding';

function inside(x: number, y: number, ring: Array<[number, number]>): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

const ownHeight = (a: Record<string, unknown>) => parseLengthM(a.height ?? a['building:height']);
const ownLevels = (a: Record<string, unknown>) => parseLevels(a['building:levels'] ?? a.levels);

/**
 * OSM puts detailed heights on building:part ways (Simple 3D Buildings), which we do not extrude
 * separately: an outline takes the height (and levels) of the tallest part whose vertex centroid
 * lies inside it (both lon/lat) when that is taller than its own or it has none, so a tower
 * mapped as parts keeps its height. Reports how many outlines changed this way.
 */
export function inheritPartHeights(buildings: SourceBuilding[], parts: SourceBuilding[], source: string, report: ImportReport): void {
  const inherited: string[] = [];
  const boxes = buildings.map((b) => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const [x, y] of b.outer) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
    return [x0, y0, x1, y1];
  });
  const best = new Map<number, { h: number; levels: number }>();
  for (const p of parts) {
    const h = parseLengthM(p.attributes.height ?? p.attributes['building:height']);
    const levels = parseLevels(p.attributes['building:levels'] ?? p.attributes.levels);
    if (!(h > 0) && !(levels > 0)) continue;
    const cx = p.outer.reduce((s, q) => s + q[0], 0) / p.outer.length, cy = p.outer.reduce((s, q) => s + q[1], 0) / p.outer.length;
    buildings.forEach((b, i) => {
      const [x0, y0, x1, y1] = boxes[i];
      if (cx < x0 || cx > x1 || cy < y0 || cy > y1 || !inside(cx, cy, b.outer)) return;
      const cur = best.get(i) ?? { h: NaN, levels: NaN };
      best.set(i, { h: Math.max(Number.isNaN(cur.h) ? -1 : cur.h, h > 0 ? h : -1), levels: Math.max(Number.isNaN(cur.levels) ? -1 : cur.levels, levels > 0 ? levels : -1) });
    });
  }
  for (const [i, { h, levels }] of best) {
    const b = buildings[i];
    const own = ownHeight(b.attributes), ownL = ownLevels(b.attributes);
    if (!(h > (Number.isFinite(own) ? own : -1)) && !(levels > (Number.isFinite(ownL) ? ownL : -1))) continue;
    b.attributes = { ...b.attributes, ...(h > 0 ? { height: String(h) } : {}), ...(levels > 0 ? { 'building:levels': String(levels) } : {}) };
    inherited.push(b.id);
  }
  report.addBulk('height-from-parts', 'defaulted', source, inherited, 'outline lower than (or without) its building:parts: took the tallest part\'s height/levels');
}
