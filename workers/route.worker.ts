/**
 * Route worker: one Router (graph + contraction hierarchy + closures) behind comlink, so routing,
 * tables, isochrones and dispatch never block the page. The graph arrives as the `network.bin`
 * ArrayBuffer (transferred, not copied); results are plain data (typed arrays transferred back).
 */
import { expose, transfer } from 'comlink';
import type { DispatchObjective } from '../src/dispatch/assignUnits';
import { coverage, type CoverageResult } from '../src/dispatch/coverage';
import { snapDemand, type Demand } from '../src/dispatch/Demand';
import type { Fleet, Incident, UnitKind } from '../src/dispatch/Fleet';
import { junctionCandidates, locateStations, type LocationPlan } from '../src/dispatch/locateStations';
import { planDispatch, rankUnitsFor, type DispatchPlan } from '../src/dispatch/planDispatch';
import type { RankedUnit } from '../src/dispatch/rankUnits';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { isochrone } from '../src/route/isochrone';
import type { IsochroneOptions } from '../src/route/isochronePolygons';
import { overrideLine, overrideSegmentAt, type OverrideChange } from '../src/route/roadClosures';
import { decodeNetwork } from '../src/route/roadGraphCodec';
import type { RouteResult } from '../src/route/RouteResult';
import { Router, type LonLat, type RouteMethod } from '../src/route/Router';
import type { Snap } from '../src/route/SnapIndex';
import type { TravelMode } from '../src/route/TravelMode';

/** What `load` reports about the network. */
export interface NetworkInfo {
  nodes: number;
  arcs: number;
  /** Who the network is for ('car': cars and emergency vehicles, 'walk'). */
  mode: TravelMode;
  hierarchy: boolean;
  /** True when the hierarchy came with network.bin (nothing to build on load). */
  hierarchyStored: boolean;
  shortcuts: number;
  /** Decode and checks, plus contraction when the file had no hierarchy (s). */
  preprocessS: number;
  /** [minLon, minLat, maxLon, maxLat] (deg). */
  bboxLonLat: [number, number, number, number];
}

let router: Router | null = null;
let fleet: Fleet | null = null;
let demand: Demand | null = null;

function need(): Router {
  if (!router) throw new Error('route worker: no network loaded; call load(networkBin) first');
  return router;
}

function needFleet(): Fleet {
  if (!fleet) throw new Error('route worker: no fleet; call setFleet(fleet) first');
  return fleet;
}

/** Station locations: the fleet's stations of one kind ('fire_station', ...) or explicit points. */
function stationPoints(stations: string | LonLat[]): LonLat[] {
  return typeof stations === 'string' ? needFleet().stations.filter((s) => s.kind === stations).map((s) => s.lonLat) : stations;
}

export const api = {
  /**
   * Decodes and checks network.bin (a damaged file is refused with an error naming `source`) and
   * routes on its stored contraction hierarchy; a file without one gets one built here unless
   * `hierarchy` is false.
   */
  load(network: ArrayBuffer, opts: { hierarchy?: boolean; source?: string } = {}, onProgress?: (fraction: number) => void): NetworkInfo {
    const t0 = performance.now();
    const decoded = decodeNetwork(network, opts.source ?? 'network.bin');
    const g = decoded.graph;
    const build = opts.hierarchy !== false;
    router = Router.fromNetwork(build ? decoded : { graph: g, hierarchy: null }, build, { onProgress });
    if (!build || decoded.hierarchy) onProgress?.(1); // a contraction reports its own progress
    const ll = g.nodeLonLatDeg;
    const bbox: NetworkInfo['bboxLonLat'] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let v = 0; v < g.nodeCount; v++) {
      bbox[0] = Math.min(bbox[0], ll[2 * v]); bbox[1] = Math.min(bbox[1], ll[2 * v + 1]);
      bbox[2] = Math.max(bbox[2], ll[2 * v]); bbox[3] = Math.max(bbox[3], ll[2 * v + 1]);
    }
    return {
      nodes: g.nodeCount, arcs: g.arcCount, mode: g.mode, hierarchy: router.ch !== null,
      hierarchyStored: router.ch !== null && router.ch === decoded.hierarchy, shortcuts: router.ch?.shortcutCount ?? 0,
      preprocessS: (performance.now() - t0) / 1000, bboxLonLat: bbox,
    };
  },

  snap(lonLat: LonLat): Snap | null {
    return need().snap(lonLat);
  },

  /** Fastest route; null when a point is off the network or unreachable. */
  route(from: LonLat, to: LonLat, method: RouteMethod = 'auto'): RouteResult | null {
    return need().route(from, to, method);
  },

  /** Several routes in one message (e.g. every dispatched unit to its incident). */
  routeMany(pairs: Array<[LonLat, LonLat]>): Array<RouteResult | null> {
    const r = need();
    return pairs.map(([a, b]) => r.route(a, b));
  },

  /** Travel times (s), row-major [i * targets + j], Infinity when unreachable. */
  travelTimeTable(sources: LonLat[], targets: LonLat[]): Float64Array {
    const table = need().travelTimeTable(sources, targets);
    return transfer(table, [table.buffer]);
  },

  isochrone(origin: LonLat, minutes: number[], opts: IsochroneOptions = {}): FeatureCollection<MultiPolygon> {
    return isochrone(need(), origin, minutes, opts);
  },

  /** Closes (factor Infinity) or slows the segment nearest a point; null when no road is within 200 m. */
  overrideSegmentAt(lonLat: LonLat, factor = Infinity): OverrideChange | null {
    return overrideSegmentAt(need(), lonLat, factor);
  },

  /** Closes or slows a whole road line by id; returns the arcs touched. */
  overrideLine(lineId: string, factor = Infinity): number[] {
    return overrideLine(need(), lineId, factor);
  },

  /** Replaces all overrides with these [arc, factor] pairs. */
  setOverrides(entries: Array<[number, number]>): void {
    const r = need();
    r.overrides.clear();
    for (const [arc, factor] of entries) r.overrides.set(arc, factor);
  },

  overrides(): Array<[number, number]> {
    return need().overrides.entries();
  },

  /** True when a route uses a closed or slowed arc (re-route it). */
  isAffected(route: Pick<RouteResult, 'arcs'>): boolean {
    return need().isAffected(route as RouteResult);
  },

  /** Stations and units for dispatch (replaces the previous fleet; availability included). */
  setFleet(next: Fleet): { stations: number; units: number } {
    fleet = next;
    return { stations: next.stations.length, units: next.units.length };
  },

  /** Demand points for coverage (e.g. building centroids weighted by population), snapped once. */
  setDemand(points: Array<{ lonLat: LonLat; weight: number }>): { points: number; offNetwork: number; totalWeight: number } {
    demand = snapDemand(need(), points);
    return { points: points.length, offNetwork: demand.snaps.filter((x) => !x).length, totalWeight: demand.totalWeight };
  },

  /** Available units by ETA to a location. */
  rankUnits(lonLat: LonLat, opts: { kind?: UnitKind; limit?: number } = {}): RankedUnit[] {
    return rankUnitsFor(need(), needFleet(), { lonLat }, opts);
  },

  /** Best assignment of units to simultaneous incidents, with routes. */
  planDispatch(incidents: Incident[], objective: DispatchObjective = 'total'): DispatchPlan {
    return planDispatch(need(), needFleet(), incidents, { objective });
  },

  /** Share of demand reached within targetMinutes; timesS per demand point for a map layer (to horizonMinutes). */
  coverage(stations: string | LonLat[], targetMinutes: number, horizonMinutes = targetMinutes): CoverageResult {
    if (!demand) throw new Error('route worker: no demand; call setDemand(points) first');
    const result = coverage(need(), stationPoints(stations), demand, targetMinutes * 60, horizonMinutes * 60);
    return transfer(result, [result.timesS.buffer]);
  },

  /** Where k new stations add the most coverage (candidates default to the network's junctions). */
  locateStations(existing: string | LonLat[], k: number, targetMinutes: number, candidates?: LonLat[]): LocationPlan {
    if (!demand) throw new Error('route worker: no demand; call setDemand(points) first');
    const r = need();
    return locateStations(r, demand, stationPoints(existing), candidates ?? junctionCandidates(r.graph), k, targetMinutes * 60);
  },

  /** Drops the network, fleet and demand. */
  dispose(): void {
    router = null;
    fleet = null;
    demand = null;
  },
};

export type RouteApi = typeof api;

// Only inside a worker: importing this module in node (tests) must not start listening.
if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  expose(api);
}
