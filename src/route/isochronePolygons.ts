import { isobands } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import type { RoadGraph } from './RoadGraph';

/** Options of isochronePolygons. */
export interface IsochroneOptions {
  /** Grid spacing of the contouring raster (m). Default 50. */
  cellM?: number;
  /** Ground within this distance of a reached road counts as reached (m). Default 100. */
  reachM?: number;
}

const M_PER_DEG = 111_320;
const DEG = Math.PI / 180;

/**
 * Areas reachable within each time limit, as GeoJSON MultiPolygons in lon/lat (one feature per
 * limit, cumulative: the 10-minute area contains the 5-minute one). Roads are sampled every half
 * cell with the time they are reached (`nodeCostS(v)` at the tail plus the share of the arc), each
 * sample marks grid points within `reachM` with the earliest time, and turf's isobands traces
 * the contour of "time <= limit" on that grid.
 */
export function isochronePolygons(
  g: RoadGraph, weightsS: Float64Array, nodeCostS: (v: number) => number, limitsS: number[], opts: IsochroneOptions = {},
): FeatureCollection<MultiPolygon> {
  const cellM = opts.cellM ?? 50, reachM = opts.reachM ?? 100;
  const maxS = Math.max(...limitsS);
  const grid = rasterTemplate(g, nodeCostS, maxS, cellM, reachM);
  if (!grid) return { type: 'FeatureCollection', features: [] };
  const ll = g.nodeLonLatDeg, r = Math.ceil(reachM / cellM);
  for (let a = 0; a < g.arcCount; a++) {
    const u = g.arcFrom[a], v = g.arcTo[a], cu = nodeCostS(u), w = weightsS[a];
    if (!(cu <= maxS) || !(w < Infinity)) continue;
    const samples = Math.max(1, Math.ceil(g.arcLengthM[a] / (cellM / 2)));
    for (let k = 0; k <= samples; k++) {
      const f = k / samples, time = cu + f * w;
      if (time > maxS) break;
      grid.mark(ll[2 * u] + f * (ll[2 * v] - ll[2 * u]), ll[2 * u + 1] + f * (ll[2 * v + 1] - ll[2 * u + 1]), time, r, reachM);
    }
  }
  const points = grid.toPoints();
  const features = limitsS.map((limit): Feature<MultiPolygon> => {
    const band = isobands(points, [-1, limit], { zProperty: 't' }).features[0];
    return { type: 'Feature', properties: { seconds: limit, minutes: limit / 60 }, geometry: band?.geometry ?? { type: 'MultiPolygon', coordinates: [] } };
  });
  return { type: 'FeatureCollection', features };
}

/** A lon/lat-aligned raster of earliest times over the reached part of the network. */
function rasterTemplate(g: RoadGraph, nodeCostS: (v: number) => number, maxS: number, cellM: number, reachM: number) {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  const ll = g.nodeLonLatDeg;
  for (let v = 0; v < g.nodeCount; v++) {
    if (!(nodeCostS(v) <= maxS)) continue;
    minLon = Math.min(minLon, ll[2 * v]); maxLon = Math.max(maxLon, ll[2 * v]);
    minLat = Math.min(minLat, ll[2 * v + 1]); maxLat = Math.max(maxLat, ll[2 * v + 1]);
  }
  if (minLon > maxLon) return null;
  const kx = M_PER_DEG * Math.cos(((minLat + maxLat) / 2) * DEG);
  const dLon = cellM / kx, dLat = cellM / M_PER_DEG, pad = reachM + 2 * cellM;
  const lon0 = minLon - pad / kx, lat0 = minLat - pad / M_PER_DEG;
  const nx = Math.ceil((maxLon - minLon + (2 * pad) / kx) / dLon) + 1, ny = Math.ceil((maxLat - minLat + (2 * pad) / M_PER_DEG) / dLat) + 1;
  const far = 1e9;
  const t = new Float64Array(nx * ny).fill(far);
  return {
    mark(lon: number, lat: number, time: number, r: number, reach: number): void {
      const i0 = Math.round((lon - lon0) / dLon), j0 = Math.round((lat - lat0) / dLat);
      for (let j = Math.max(0, j0 - r); j <= Math.min(ny - 1, j0 + r); j++) {
        for (let i = Math.max(0, i0 - r); i <= Math.min(nx - 1, i0 + r); i++) {
          const ex = (lon0 + i * dLon - lon) * kx, ey = (lat0 + j * dLat - lat) * M_PER_DEG;
          if (ex * ex + ey * ey <= reach * reach && time < t[j * nx + i]) t[j * nx + i] = time;
        }
      }
    },
    toPoints(): FeatureCollection<Point> {
      const features: Array<Feature<Point>> = [];
      for (let j = 0; j < ny; j++) {
        const lat = lat0 + j * dLat;
        for (let i = 0; i < nx; i++) {
          features.push({ type: 'Feature', properties: { t: t[j * nx + i] }, geometry: { type: 'Point', coordinates: [lon0 + i * dLon, lat] } });
        }
      }
      return { type: 'FeatureCollection', features };
    },
  };
}
