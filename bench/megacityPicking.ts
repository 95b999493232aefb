/**
 * The megacity bench's picking check (bench/megacityBrowser.bench.ts, workspace): close up over
 * chosen buildings, among them indices past 2^16 and 2^17 where a float lookup would first go
 * wrong, the building Cesium picks mid-screen must be the one its state-texture texel colours in
 * the first frame drawn after the change, and its index neighbours' texels must not colour it.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Page } from 'playwright-core';
import { isMagenta, pickedColourProbe } from '../test/support/pickedColourProbe';

/** A building to look at: its index in the city's list, id and a point well inside its footprint (deg). */
export interface PickTarget { index: number; buildingId: string; lonDeg: number; latDeg: number }

/** Indices worth checking in a city of `n` buildings: 0, the middle, 2^16, 2^17 - 1, 2^19 - 1, the last. */
export function pickIndices(n: number): number[] {
  return [...new Set([0, Math.floor(n / 2), 65_536, 131_071, 524_287, n - 1].filter((i) => i >= 0 && i < n))].sort((a, b) => a - b);
}

/**
 * Of the ring's centroid and the centroids of its corners' triangles, the point inside it farthest
 * from its edges (an L-shaped footprint's centroid can lie outside it). Degrees, small rings.
 */
export function pointInside(ring: number[][]): [number, number] {
  const pts = ring.slice(0, -1), n = pts.length;
  const inside = (x: number, y: number) => {
    let c = false;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const [xi, yi] = pts[i], [xj, yj] = pts[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
    return c;
  };
  const edgeDistance = (x: number, y: number) => {
    let d = Infinity;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const [ax, ay] = pts[j], [bx, by] = pts[i], dx = bx - ax, dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
      d = Math.min(d, Math.hypot(x - ax - t * dx, y - ay - t * dy));
    }
    return d;
  };
  const mean = (ps: number[][]) => [ps.reduce((a, p) => a + p[0], 0) / ps.length, ps.reduce((a, p) => a + p[1], 0) / ps.length] as [number, number];
  const candidates = [mean(pts), ...pts.map((_, i) => mean([pts[i], pts[(i + 1) % n], pts[(i + 2) % n]]))];
  let best = candidates[0], bestD = -1;
  for (const c of candidates) {
    const d = inside(c[0], c[1]) ? edgeDistance(c[0], c[1]) : -1;
    if (d > bestD) { best = c; bestD = d; }
  }
  return best;
}

/**
 * The buildings at `indices` from the package's buildings.geojson (one feature per line, in
 * building order, as the pipeline writes it): streamed, so 10^6 lines cost no heap.
 */
export async function pickTargets(buildingsFile: string, indices: number[]): Promise<PickTarget[]> {
  const want = new Set(indices), out: PickTarget[] = [];
  let index = -1;
  for await (const line of createInterface({ input: createReadStream(buildingsFile, 'utf8'), crlfDelay: Infinity })) {
    if (!line.startsWith('{"type":"Feature"')) continue;
    index++;
    if (!want.has(index)) continue;
    const f = JSON.parse(line.replace(/,$/, '')) as { id: string; geometry: { coordinates: number[][][] } };
    const [lonDeg, latDeg] = pointInside(f.geometry.coordinates[0]);
    out.push({ index, buildingId: f.id, lonDeg, latDeg });
    if (out.length === want.size) break;
  }
  return out;
}

/** Looks straight down on each target from ~1 km, waits for its tiles, probes mid-screen. */
export async function checkPicking(page: Page, targets: PickTarget[]) {
  const rows = [];
  for (const t of targets) {
    await page.evaluate(([lon, lat]) => window.twin!.workspace.lookAt(lon, lat, 500, 800), [t.lonDeg, t.latDeg]);
    // Past Cesium's deferral of requests while the camera moves, then until the close-up's tiles are in.
    await page.evaluate(async () => { const s = window.twin!.workspace.viewer.scene; for (let i = 0; i < 6; i++) await new Promise<void>((ok) => { const off = s.postRender.addEventListener(() => { off(); ok(); }); s.requestRender(); }); });
    await page.waitForFunction(() => { window.twin!.workspace.viewer.scene.requestRender(); return window.twin!.workspace.tilesets.buildings.tilesLoaded; }, undefined, { timeout: 600_000, polling: 500 });
    const size = await page.evaluate(() => { const c = window.twin!.workspace.viewer.scene.canvas; return [c.clientWidth, c.clientHeight]; });
    const [p] = await page.evaluate(pickedColourProbe, { points: [[size[0] / 2, size[1] / 2]] });
    rows.push({
      target: t.index, picked: p.index, pickedIsTarget: p.id === t.buildingId,
      onlyItColoursIt: p.id !== null && !isMagenta(p.before) && isMagenta(p.onlyIt), neighboursColourIt: isMagenta(p.neighbours),
      pixels: { before: p.before, onlyIt: p.onlyIt, neighbours: p.neighbours },
    });
  }
  const picked = rows.filter((r) => r.picked >= 0);
  return {
    targets: rows.length, picked: picked.length, pickedIsTarget: rows.filter((r) => r.pickedIsTarget).length,
    onlyItColoursIt: picked.filter((r) => r.onlyItColoursIt).length, neighboursColourIt: picked.filter((r) => r.neighboursColourIt).length,
    maxIndexChecked: Math.max(-1, ...picked.filter((r) => r.onlyItColoursIt).map((r) => r.picked)), rows,
  };
}
