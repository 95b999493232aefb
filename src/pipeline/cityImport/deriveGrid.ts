import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { LocalFrame } from '../../geo/LocalFrame';
import type { LonLatUnit } from './LonLatUnit';

/** Plane extent (m) the grid covers. */
export interface PlaneBox { xMinM: number; yMinM: number; xMaxM: number; yMaxM: number }

const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/**
 * Derived grid cells (网格) of `cellSizeM` over the extent, square in the city's plane: each cell
 * is cut by the units of the finest given tier (a cell across a district boundary becomes one cell
 * per district, under it); what lies outside every unit hangs under the root. With no tiers every
 * cell is under the root. Ids `g<col>_<row>` (plus `-<k>` for the pieces of a cut cell).
 */
export function deriveGrid(parents: readonly LonLatUnit[], rootId: string, frame: LocalFrame, box: PlaneBox, cellSizeM: number): LonLatUnit[] {
  const out: LonLatUnit[] = [];
  const parentShapes = parents.map((p) => ({ id: p.id, f: turf.multiPolygon(p.polygons), bbox: turf.bbox(turf.multiPolygon(p.polygons)) }));
  const cols = Math.ceil((box.xMaxM - box.xMinM) / cellSizeM), rows = Math.ceil((box.yMaxM - box.yMinM) / cellSizeM);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x0 = box.xMinM + c * cellSizeM, y0 = box.yMinM + r * cellSizeM, x1 = Math.min(box.xMaxM, x0 + cellSizeM), y1 = Math.min(box.yMaxM, y0 + cellSizeM);
      const ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]].map(([x, y]) => frame.toLonLat(x, y));
      const cell = turf.polygon([ring]);
      const [w, s, e, n] = turf.bbox(cell);
      const pieces: Array<{ parentId: string; polygons: Position[][][] }> = [];
      let covered: Feature<Polygon | MultiPolygon> | null = null;
      for (const p of parentShapes) {
        if (p.bbox[0] > e || p.bbox[2] < w || p.bbox[1] > n || p.bbox[3] < s) continue;
        const part = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([cell, p.f]));
        if (!part || turf.area(part) < 1) continue;
        pieces.push({ parentId: p.id, polygons: polygonsOf(part.geometry) });
        covered = covered ? turf.union(turf.featureCollection<Polygon | MultiPolygon>([covered, part])) : part;
      }
      const rest = covered ? turf.difference(turf.featureCollection<Polygon | MultiPolygon>([cell, covered])) : cell;
      if (rest && turf.area(rest) >= 0.01 * cellSizeM * cellSizeM) pieces.push({ parentId: rootId, polygons: polygonsOf(rest.geometry) });
      pieces.forEach((piece, k) => out.push({
        id: pieces.length === 1 ? `g${c}_${r}` : `g${c}_${r}-${k + 1}`, level: 'grid', parentId: piece.parentId,
        name: `网格 ${c + 1}-${r + 1}${pieces.length > 1 ? `-${k + 1}` : ''}`, namePinyin: `Grid ${c + 1}-${r + 1}${pieces.length > 1 ? `-${k + 1}` : ''}`,
        polygons: piece.polygons,
      }));
    }
  }
  return out;
}
