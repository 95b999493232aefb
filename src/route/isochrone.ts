import type { FeatureCollection, MultiPolygon } from 'geojson';
import { isochronePolygons, type IsochroneOptions } from './isochronePolygons';
import type { LonLat, Router } from './Router';

/**
 * Areas reachable from `origin` within each of `minutes` (cumulative polygons, lon/lat), with the
 * router's current closures and slowdowns. Empty features when the origin is off the network.
 */
export function isochrone(router: Router, origin: LonLat, minutes: number[], opts: IsochroneOptions = {}): FeatureCollection<MultiPolygon> {
  if (!minutes.length || minutes.some((m) => !(m > 0))) throw new Error(`isochrone: minutes expects positive numbers, got ${JSON.stringify(minutes)}`);
  const limitsS = minutes.map((m) => m * 60);
  const costs = router.nodeCostsFrom([router.snap(origin)], Math.max(...limitsS));
  return isochronePolygons(router.graph, router.weightsS(), (v) => costs[v], limitsS, opts);
}
