/**
 * Main-thread side of the route worker (Squoosh's worker-bridge pattern): the Web Worker starts
 * lazily on the first call, calls are proxied with comlink, and an aborted AbortSignal rejects the
 * call at once and terminates the worker (a search cannot be interrupted mid-way); the next call
 * starts a fresh worker and replays the network and the closures, so state survives an abort.
 */
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { DispatchObjective } from '../src/dispatch/assignUnits';
import type { CoverageResult } from '../src/dispatch/coverage';
import type { Fleet, Incident, UnitKind } from '../src/dispatch/Fleet';
import type { LocationPlan } from '../src/dispatch/locateStations';
import type { DispatchPlan } from '../src/dispatch/planDispatch';
import type { RankedUnit } from '../src/dispatch/rankUnits';
import type { IsochroneOptions } from '../src/route/isochronePolygons';
import type { OverrideChange } from '../src/route/roadClosures';
import type { RouteResult } from '../src/route/RouteResult';
import type { LonLat, RouteMethod } from '../src/route/Router';
import type { NetworkInfo, RouteApi } from './route.worker';
import type { WorkerLike } from './WorkerLike';

const defaultWorker = (): WorkerLike => new Worker(new URL('./route.worker.ts', import.meta.url), { type: 'module' });

export class RouteClient {
  private worker: WorkerLike | null = null;
  private api: Remote<RouteApi> | null = null;
  private network: { bytes: ArrayBuffer; hierarchy: boolean; source?: string } | null = null;
  private overrideEntries: Array<[number, number]> = [];
  private fleet: Fleet | null = null;
  private demand: Array<{ lonLat: LonLat; weight: number }> | null = null;
  private disposed = false;

  /** `spawn` creates the worker; the default is the module Web Worker next to this file. */
  constructor(private readonly spawn: () => WorkerLike = defaultWorker) {}

  /**
   * Sends network.bin to the worker (a copy is kept so a restarted worker can reload it), which
   * checks it (a damaged file rejects with an error naming `source`, default 'network.bin') and
   * routes on its stored hierarchy, or builds one when the file has none. Progress is the share of
   * nodes contracted (1 at once with a stored hierarchy).
   */
  async load(networkBin: ArrayBuffer, opts: { hierarchy?: boolean; source?: string; signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}): Promise<NetworkInfo> {
    this.network = { bytes: networkBin.slice(0), hierarchy: opts.hierarchy !== false, source: opts.source };
    this.overrideEntries = [];
    this.demand = null; // demand is snapped to a network: set it again for the new one
    const api = this.connect(false);
    const progress = opts.onProgress ? proxy(opts.onProgress) : undefined;
    try {
      return await this.run(api.load(transfer(networkBin, [networkBin]), { hierarchy: this.network.hierarchy, source: opts.source }, progress), opts.signal);
    } catch (err) {
      this.network = null; // an aborted or failed load is not replayed
      throw err;
    }
  }

  route(from: LonLat, to: LonLat, opts: { method?: RouteMethod; signal?: AbortSignal } = {}): Promise<RouteResult | null> {
    return this.run(this.connect().route(from, to, opts.method ?? 'auto'), opts.signal);
  }

  routeMany(pairs: Array<[LonLat, LonLat]>, signal?: AbortSignal): Promise<Array<RouteResult | null>> {
    return this.run(this.connect().routeMany(pairs), signal);
  }

  /** Travel times (s) from each source to each target, row-major; Infinity when unreachable. */
  travelTimeTable(sources: LonLat[], targets: LonLat[], signal?: AbortSignal): Promise<Float64Array> {
    return this.run(this.connect().travelTimeTable(sources, targets), signal);
  }

  isochrone(origin: LonLat, minutes: number[], opts: IsochroneOptions & { signal?: AbortSignal } = {}): Promise<FeatureCollection<MultiPolygon>> {
    const { signal, ...rest } = opts;
    return this.run(this.connect().isochrone(origin, minutes, rest), signal);
  }

  /** Closes (factor Infinity, default) or slows the road segment nearest a point. */
  async overrideSegmentAt(lonLat: LonLat, factor = Infinity): Promise<OverrideChange | null> {
    const change = await this.connect().overrideSegmentAt(lonLat, factor);
    this.overrideEntries = await this.connect().overrides();
    return change;
  }

  async overrideLine(lineId: string, factor = Infinity): Promise<number[]> {
    const arcs = await this.connect().overrideLine(lineId, factor);
    this.overrideEntries = await this.connect().overrides();
    return arcs;
  }

  async clearOverrides(): Promise<void> {
    this.overrideEntries = [];
    await this.connect().setOverrides([]);
  }

  /** The current [arc, factor] overrides. */
  overrides(): Array<[number, number]> {
    return this.overrideEntries.map(([a, f]) => [a, f]);
  }

  isAffected(route: Pick<RouteResult, 'arcs'>): Promise<boolean> {
    return this.connect().isAffected({ arcs: route.arcs });
  }

  /** Stations and units for dispatch (kept, and replayed after an abort). */
  setFleet(fleet: Fleet): Promise<{ stations: number; units: number }> {
    this.fleet = fleet;
    return this.connect().setFleet(fleet);
  }

  /** Demand points for coverage (kept, and replayed after an abort). */
  setDemand(points: Array<{ lonLat: LonLat; weight: number }>, signal?: AbortSignal): Promise<{ points: number; offNetwork: number; totalWeight: number }> {
    this.demand = points;
    return this.run(this.connect().setDemand(points), signal);
  }

  rankUnits(lonLat: LonLat, opts: { kind?: UnitKind; limit?: number; signal?: AbortSignal } = {}): Promise<RankedUnit[]> {
    const { signal, ...rest } = opts;
    return this.run(this.connect().rankUnits(lonLat, rest), signal);
  }

  planDispatch(incidents: Incident[], opts: { objective?: DispatchObjective; signal?: AbortSignal } = {}): Promise<DispatchPlan> {
    return this.run(this.connect().planDispatch(incidents, opts.objective ?? 'total'), opts.signal);
  }

  /** Coverage of the demand from stations (a fleet station kind, or points) within targetMinutes. */
  coverage(stations: string | LonLat[], targetMinutes: number, opts: { horizonMinutes?: number; signal?: AbortSignal } = {}): Promise<CoverageResult> {
    return this.run(this.connect().coverage(stations, targetMinutes, opts.horizonMinutes ?? targetMinutes), opts.signal);
  }

  locateStations(existing: string | LonLat[], k: number, targetMinutes: number, opts: { candidates?: LonLat[]; signal?: AbortSignal } = {}): Promise<LocationPlan> {
    return this.run(this.connect().locateStations(existing, k, targetMinutes, opts.candidates), opts.signal);
  }

  /** Terminates the worker; safe to call twice. */
  dispose(): void {
    this.disposed = true;
    this.stop();
  }

  /** The worker's API, starting the worker (and replaying network and closures) when needed. */
  private connect(replay = true): Remote<RouteApi> {
    if (this.disposed) throw new Error('RouteClient: disposed');
    if (this.api) return this.api;
    this.worker = this.spawn();
    this.api = wrap<RouteApi>(this.worker);
    if (replay) {
      if (!this.network) throw new Error('RouteClient: no network loaded; call load(networkBin) first');
      const copy = this.network.bytes.slice(0);
      // comlink keeps messages in order, so these run before any later call.
      void this.api.load(transfer(copy, [copy]), { hierarchy: this.network.hierarchy, source: this.network.source });
      if (this.overrideEntries.length) void this.api.setOverrides(this.overrideEntries);
      if (this.fleet) void this.api.setFleet(this.fleet);
      if (this.demand) void this.api.setDemand(this.demand);
    }
    return this.api;
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }

  /** Races a call against `signal`: on abort, rejects with an AbortError and terminates the worker. */
  private run<T>(call: Promise<T>, signal?: AbortSignal): Promise<T> {
    if (!signal) return call;
    if (signal.aborted) { this.stop(); return Promise.reject(abortError()); }
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => { this.stop(); reject(abortError()); };
      signal.addEventListener('abort', onAbort, { once: true });
      call.then(
        (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
        (e) => { signal.removeEventListener('abort', onAbort); reject(e); },
      );
    });
  }
}

function abortError(): Error {
  return typeof DOMException !== 'undefined' ? new DOMException('route worker call aborted', 'AbortError') : Object.assign(new Error('route worker call aborted'), { name: 'AbortError' });
}
