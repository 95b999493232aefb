/**
 * Main-thread side of the route worker, on the one worker bridge: the worker starts lazily, and
 * an aborted call terminates it (a search cannot be interrupted mid-way); the next call starts a
 * fresh worker and replays what it held (network, closures, fleet, demand), so state survives an
 * abort. Stateless queries go through `query`, typed from the worker's api (RouteApi); only the
 * calls that change the worker's state are methods here, because they must be recorded for replay.
 */
import { proxy, transfer } from 'comlink';
import type { Fleet } from '../src/dispatch/Fleet';
import type { OverrideChange } from '../src/route/roadClosures';
import type { LonLat } from '../src/route/Router';
import { WorkerBridge } from './bridge/WorkerBridge';
import type { NetworkInfo, RouteApi } from './route.worker';
import type { WorkerLike } from './WorkerLike';

const defaultWorker = (): WorkerLike => new Worker(new URL('./route.worker.ts', import.meta.url), { type: 'module' });

/** The route worker's calls that read its state without changing it. */
export type RouteQuery = 'route' | 'routeMany' | 'travelTimeTable' | 'isochrone' | 'isAffected' | 'rankUnits' | 'planDispatch' | 'coverage' | 'locateStations' | 'snap';

export class RouteClient {
  private readonly bridge: WorkerBridge<RouteApi>;
  private network: { bytes: ArrayBuffer; hierarchy: boolean; source?: string } | null = null;
  private overrideEntries: Array<[number, number]> = [];
  private fleet: Fleet | null = null;
  private demand: Array<{ lonLat: LonLat; weight: number }> | null = null;

  /** `spawn` creates the worker; the default is the module Web Worker next to this file. */
  constructor(spawn: () => WorkerLike = defaultWorker) {
    this.bridge = new WorkerBridge<RouteApi>(spawn, { name: 'route worker', onStart: (api) => this.replay(api) });
  }

  /**
   * Sends network.bin to the worker (a copy is kept so a restarted worker can reload it), which
   * checks it (a damaged file rejects with an error naming `source`, default 'network.bin') and
   * routes on its stored hierarchy, or builds one when the file has none. Progress is the share of
   * nodes contracted (1 at once with a stored hierarchy).
   */
  async load(networkBin: ArrayBuffer, opts: { hierarchy?: boolean; source?: string; signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}): Promise<NetworkInfo> {
    this.network = null; // nothing to replay into the worker this call starts
    this.overrideEntries = [];
    this.demand = null; // demand is snapped to a network: set it again for the new one
    const hierarchy = opts.hierarchy !== false, bytes = networkBin.slice(0), source = opts.source;
    const progress = opts.onProgress ? proxy(opts.onProgress) : undefined;
    const info = await this.bridge.call((api) => api.load(transfer(networkBin, [networkBin]), { hierarchy, source }, progress), opts.signal);
    this.network = { bytes, hierarchy, source };
    return info;
  }

  /** A query of the worker's state (RouteApi's method of that name, with its arguments). */
  query<K extends RouteQuery>(method: K, args: Parameters<RouteApi[K]>, signal?: AbortSignal): Promise<Awaited<ReturnType<RouteApi[K]>>> {
    this.requireNetwork();
    return this.bridge.call((api) => (api[method] as unknown as (...a: unknown[]) => Promise<Awaited<ReturnType<RouteApi[K]>>>)(...args), signal);
  }

  /** Closes (factor Infinity, default) or slows the road segment nearest a point. */
  async overrideSegmentAt(lonLat: LonLat, factor = Infinity): Promise<OverrideChange | null> {
    const change = await this.bridge.call((api) => api.overrideSegmentAt(lonLat, factor));
    this.overrideEntries = await this.bridge.call((api) => api.overrides());
    return change;
  }

  async overrideLine(lineId: string, factor = Infinity): Promise<number[]> {
    const arcs = await this.bridge.call((api) => api.overrideLine(lineId, factor));
    this.overrideEntries = await this.bridge.call((api) => api.overrides());
    return arcs;
  }

  async clearOverrides(): Promise<void> {
    this.overrideEntries = [];
    await this.bridge.call((api) => api.setOverrides([]));
  }

  /** The current [arc, factor] overrides. */
  overrides(): Array<[number, number]> {
    return this.overrideEntries.map(([a, f]) => [a, f]);
  }

  /** Stations and units for dispatch (kept, and replayed after an abort). */
  setFleet(fleet: Fleet): Promise<{ stations: number; units: number }> {
    this.fleet = fleet;
    return this.bridge.call((api) => api.setFleet(fleet));
  }

  /** Demand points for coverage (kept, and replayed after an abort). */
  setDemand(points: Array<{ lonLat: LonLat; weight: number }>, signal?: AbortSignal): Promise<{ points: number; offNetwork: number; totalWeight: number }> {
    this.demand = points;
    return this.bridge.call((api) => api.setDemand(points), signal);
  }

  /** Terminates the worker; safe to call twice. */
  dispose(): void {
    this.bridge.dispose();
  }

  private requireNetwork(): void {
    if (!this.network && !this.bridge.running) throw new Error('RouteClient: no network loaded; call load(networkBin) first');
  }

  /** What a fresh worker must hold before any call (comlink keeps messages in order). */
  private replay(api: import('comlink').Remote<RouteApi>): void {
    if (!this.network) return;
    const copy = this.network.bytes.slice(0);
    void api.load(transfer(copy, [copy]), { hierarchy: this.network.hierarchy, source: this.network.source });
    if (this.overrideEntries.length) void api.setOverrides(this.overrideEntries);
    if (this.fleet) void api.setFleet(this.fleet);
    if (this.demand) void api.setDemand(this.demand);
  }
}
