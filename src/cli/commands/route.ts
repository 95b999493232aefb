import { parseArgs, parseLonLat, requireFlag, UsageError } from '../args';
import { join } from 'node:path';
import { openRoadGraph } from '../../pipeline/network/openRoadGraph';
import { cityDir } from '../../pipeline/package/openCityPackage';
import { overrideSegmentAt } from '../../route/roadClosures';
import { Router, type LonLat, type RouteMethod } from '../../route/Router';

const METHODS: RouteMethod[] = ['auto', 'ch', 'astar', 'dijkstra'];

/**
 * `route --from LON,LAT --to LON,LAT [--city NAME | --graph FILE] [--method auto|ch|astar|dijkstra]
 * [--close "LON,LAT;LON,LAT"]`: the fastest route as JSON (meters, seconds, node path, lon/lat line
 * with per-vertex times). The graph is the city package's network.bin (default city: demo).
 * The hierarchy is built only for --method ch (one query does not repay preprocessing).
 */
export async function run(args: string[]): Promise<unknown> {
  const p = parseArgs(args);
  const from = parseLonLat(requireFlag(p, 'from', 'LON,LAT (start, degrees)'), 'from');
  const to = parseLonLat(requireFlag(p, 'to', 'LON,LAT (destination, degrees)'), 'to');
  const method = (p.flags.get('method') ?? 'auto') as RouteMethod;
  if (!METHODS.includes(method)) throw new UsageError(`--method expects one of ${METHODS.join(', ')}, got ${JSON.stringify(method)}`);
  const graphFlag = p.flags.get('graph');
  if (graphFlag === true) throw new UsageError('--graph expects a FILE (a network.bin)');
  const closeText = p.flags.get('close');
  if (closeText === true) throw new UsageError('--close expects "LON,LAT" or "LON,LAT;LON,LAT;..."');
  const closures = typeof closeText === 'string' ? closeText.split(';').filter(Boolean).map((t) => parseLonLat(t, 'close')) : [];

  const t0 = performance.now();
  const cityFlag = p.flags.get('city') ?? 'demo';
  if (cityFlag === true) throw new UsageError('--city expects the name of a city package (a folder under tilesets/)');
  const { graph, source } = openRoadGraph(graphFlag ?? join(cityDir(cityFlag), 'network.bin'));
  const router = method === 'ch' ? Router.withHierarchy(graph) : new Router(graph);
  const preprocessS = (performance.now() - t0) / 1000;
  const closed = closures.map((c) => {
    const change = overrideSegmentAt(router, c);
    if (!change) throw new Error(`--close ${c.join(',')}: no road within 200 m`);
    return { lonLat: change.lonLat, road: change.lineName || change.lineId, arcs: change.arcs };
  });
  for (const [flag, point] of [['from', from], ['to', to]] as Array<[string, LonLat]>) {
    if (!router.snap(point)) throw new Error(`--${flag} ${point.join(',')}: no open road within ${router.maxSnapM} m of that point in ${source}`);
  }
  const t1 = performance.now();
  const r = router.route(from, to, method);
  const queryMs = performance.now() - t1;
  const base = { graph: source, nodes: graph.nodeCount, arcs: graph.arcCount, from, to, closed, preprocessS: round(preprocessS, 3), queryMs: round(queryMs, 3) };
  if (!r) return { ...base, reachable: false, reason: 'no drivable path between the two points (one-way streets or closures)' };
  return {
    ...base, reachable: true, algorithm: r.algorithm,
    meters: round(r.meters, 2), seconds: round(r.seconds, 3), minutes: round(r.seconds / 60, 2),
    snapDistanceM: { from: round(r.snapDistanceM.from, 2), to: round(r.snapDistanceM.to, 2) },
    roads: r.roadNames, nodePath: r.nodes,
    coordinates: r.coordsLonLat.map(([lon, lat]) => [round(lon, 7), round(lat, 7)]),
    cumulativeS: r.cumulativeS.map((t) => round(t, 3)),
  };
}

function round(v: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}
