/**
 * Main-thread side of the analysis workers (Squoosh's worker-bridge pattern, typed from
 * `typeof api`): workers start lazily, the scene is sent to each once (and replayed to a fresh
 * one), sunlight samples are split over `workers` workers (both cores by default), and an aborted
 * AbortSignal rejects at once and terminates the workers; the next call starts fresh ones.
 */
import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { SkylineProfile, SkylineRequest } from '../src/analysis/limits/skyline';
import type { ProfileSample } from '../src/analysis/measure/measure';
import { sceneBuffers, type SceneData } from '../src/analysis/scene/AnalysisScene';
import type { LineOfSight, PlanePoint } from '../src/analysis/sight/lineOfSight';
import type { Viewshed, ViewshedRequest } from '../src/analysis/sight/viewshed';
import { sampleBuffers, sliceSamples, type FacadeSamples } from '../src/analysis/sunlight/FacadeSamples';
import type { SunPath } from '../src/analysis/sun/sunPath';
import type { AnalysisApi, SceneInfo } from './analysis.worker';
import type { WorkerLike } from './WorkerLike';

const defaultWorker = (): WorkerLike => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
const defaultCount = () => Math.max(1, Math.min(2, (globalThis.navigator?.hardwareConcurrency as number | undefined) ?? 2));

interface Slot {
  worker: WorkerLike;
  api: Remote<AnalysisApi>;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export class AnalysisClient {
  private slots: Slot[] = [];
  private scene: { data: SceneData; cellSizeM: number } | null = null;
  private disposed = false;
  readonly workers: number;

  /** `spawn` creates one worker (default: the module Web Worker next to this file); `workers` caps the pool (default 2). */
  constructor(private readonly spawn: () => WorkerLike = defaultWorker, opts: { workers?: number } = {}) {
    this.workers = Math.max(1, Math.floor(opts.workers ?? defaultCount()));
  }

  /** Keeps the scene (to replay) and builds it in every started worker; reports the first worker's build. */
  async setScene(data: SceneData, cellSizeM = 32, signal?: AbortSignal): Promise<SceneInfo> {
    this.scene = { data, cellSizeM };
    if (!this.slots.length) this.slot(0, false);
    const infos = await this.run(Promise.all(this.slots.map((s) => s.api.setScene(data, cellSizeM))), signal);
    return infos[0];
  }

  /** Starts `workers` workers (default the pool) and waits until each has built the scene: warm-up. */
  async ready(workers = this.workers, signal?: AbortSignal): Promise<void> {
    const n = Math.max(1, Math.min(workers, this.workers));
    await this.run(Promise.all(Array.from({ length: n }, (_, k) => this.slot(k).api.info())), signal);
  }

  /**
   * Minutes of sun per sample, the samples split in contiguous shares over `workers` workers
   * (default all of the pool). Progress is the share of samples done over all workers.
   */
  async sunlight(samples: FacadeSamples, path: SunPath, opts: CallOptions & { minRunMin?: number; workers?: number } = {}): Promise<Float32Array> {
    const n = Math.max(1, Math.min(opts.workers ?? this.workers, this.workers, samples.count || 1));
    const done = new Float64Array(n);
    const parts = Array.from({ length: n }, (_, k) => {
      const from = Math.floor((k * samples.count) / n), to = Math.floor(((k + 1) * samples.count) / n);
      const part = sliceSamples(samples, from, to);
      const onProgress = opts.onProgress && proxy((f: number) => { done[k] = f * part.count; opts.onProgress!(done.reduce((a, b) => a + b, 0) / samples.count); });
      return this.slot(k).api.sunlight(transfer(part, sampleBuffers(part)), path, opts.minRunMin ?? 1, onProgress);
    });
    const results = await this.run(Promise.all(parts), opts.signal);
    const out = new Float32Array(samples.count);
    let at = 0;
    for (const r of results) { out.set(r, at); at += r.length; }
    return out;
  }

  lineOfSight(from: PlanePoint, to: PlanePoint, opts: { toleranceM?: number; signal?: AbortSignal } = {}): Promise<LineOfSight> {
    return this.run(this.slot(0).api.lineOfSight(from, to, opts.toleranceM), opts.signal);
  }

  viewshed(req: ViewshedRequest, opts: CallOptions = {}): Promise<Viewshed> {
    return this.run(this.slot(0).api.viewshed(req, opts.onProgress && proxy(opts.onProgress)), opts.signal);
  }

  skyline(req: SkylineRequest, signal?: AbortSignal): Promise<SkylineProfile> {
    return this.run(this.slot(0).api.skyline(req), signal);
  }

  profile(lineM: Array<[number, number]>, stepM: number, originLonLat: [number, number], signal?: AbortSignal): Promise<{ samples: ProfileSample[]; horizontalM: number; surfaceM: number }> {
    return this.run(this.slot(0).api.profile(lineM, stepM, originLonLat), signal);
  }

  /** Terminates the workers; safe to call twice. */
  dispose(): void {
    this.disposed = true;
    this.stop();
  }

  /** Worker k, started (and, with `replay`, given the scene) when needed. */
  private slot(k: number, replay = true): Slot {
    if (this.disposed) throw new Error('AnalysisClient: disposed');
    while (this.slots.length <= k) {
      const worker = this.spawn(), api = wrap<AnalysisApi>(worker);
      // comlink keeps messages in order, so the scene is built before any later call.
      if (replay && this.scene) void api.setScene(copyScene(this.scene.data), this.scene.cellSizeM);
      this.slots.push({ worker, api });
    }
    return this.slots[k];
  }

  private stop(): void {
    for (const s of this.slots) s.worker.terminate();
    this.slots = [];
  }

  /** Races a call against `signal`: on abort, rejects with an AbortError and terminates the workers. */
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

/** A copy of a scene whose buffers can be transferred without losing the client's own. */
function copyScene(d: SceneData): SceneData {
  const copy: SceneData = {
    prisms: { count: d.prisms.count, ringStart: d.prisms.ringStart.slice(), xyM: d.prisms.xyM.slice(), baseM: d.prisms.baseM.slice(), topM: d.prisms.topM.slice() },
    dem: d.dem ? { header: d.dem.header, heightsM: d.dem.heightsM.slice() } : null,
  };
  return transfer(copy, sceneBuffers(copy));
}

function abortError(): Error {
  return typeof DOMException !== 'undefined' ? new DOMException('analysis worker call aborted', 'AbortError') : Object.assign(new Error('analysis worker call aborted'), { name: 'AbortError' });
}
