/**
 * Main-thread side of the analysis workers, on the one worker bridge (one bridge per worker,
 * typed from `AnalysisApi`): workers start lazily and are given the scene (replayed to a fresh
 * one), sunlight samples are split over `workers` workers (both cores by default), and an aborted
 * call terminates its workers (a sweep cannot be interrupted mid-way); the next call starts fresh
 * ones. Stateless tools go through `query`; only setScene changes what a worker holds.
 */
import { proxy, transfer, type Remote } from 'comlink';
import { sceneBuffers, type SceneData } from '../src/analysis/scene/AnalysisScene';
import { sampleBuffers, sliceSamples, type FacadeSamples } from '../src/analysis/sunlight/FacadeSamples';
import type { SunPath } from '../src/analysis/sun/sunPath';
import type { AnalysisApi, SceneInfo } from './analysis.worker';
import { WorkerBridge } from './bridge/WorkerBridge';
import type { WorkerLike } from './WorkerLike';

const defaultWorker = (): WorkerLike => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
const defaultCount = () => Math.max(1, Math.min(2, (globalThis.navigator?.hardwareConcurrency as number | undefined) ?? 2));

/** The analysis worker's calls that read the scene without changing it (on the first worker). */
export type AnalysisQuery = 'lineOfSight' | 'viewshed' | 'skyline' | 'profile' | 'info';

export class AnalysisClient {
  private readonly bridges: Array<WorkerBridge<AnalysisApi>> = [];
  private scene: { data: SceneData; cellSizeM: number } | null = null;
  readonly workers: number;

  /** `spawn` creates one worker (default: the module Web Worker next to this file); `workers` caps the pool (default 2). */
  constructor(private readonly spawn: () => WorkerLike = defaultWorker, opts: { workers?: number } = {}) {
    this.workers = Math.max(1, Math.floor(opts.workers ?? defaultCount()));
  }

  /** Keeps the scene (to replay) and builds it in every running worker; reports the first one's build. */
  async setScene(data: SceneData, cellSizeM = 32, signal?: AbortSignal): Promise<SceneInfo> {
    this.scene = null; // a worker this call starts builds it once, from the call below
    const running = this.bridges.filter((b) => b.running);
    const targets = running.length ? running : [this.bridge(0)];
    const infos = await Promise.all(targets.map((b) => b.call((api) => api.setScene(copyScene(data), cellSizeM), signal)));
    this.scene = { data, cellSizeM };
    return infos[0];
  }

  /** Starts `workers` workers (default the pool) and waits until each holds the scene: warm-up. */
  async ready(workers = this.workers, signal?: AbortSignal): Promise<void> {
    const n = Math.max(1, Math.min(workers, this.workers));
    await Promise.all(Array.from({ length: n }, (_, k) => this.bridge(k).call((api) => api.info(), signal)));
  }

  /**
   * Minutes of sun per sample, the samples split in contiguous shares over `workers` workers
   * (default the pool). Progress is the share of samples done over all workers.
   */
  async sunlight(samples: FacadeSamples, path: SunPath, opts: { signal?: AbortSignal; onProgress?: (fraction: number) => void; minRunMin?: number; workers?: number } = {}): Promise<Float32Array> {
    this.requireScene();
    const n = Math.max(1, Math.min(opts.workers ?? this.workers, this.workers, samples.count || 1));
    const done = new Float64Array(n);
    // Progress travels on each callback's own port, so a worker's last report can arrive after
    // its result: once all parts are in, late reports are dropped and 1 is reported here.
    let finished = false;
    const parts = Array.from({ length: n }, (_, k) => {
      const part = sliceSamples(samples, Math.floor((k * samples.count) / n), Math.floor(((k + 1) * samples.count) / n));
      const onProgress = opts.onProgress && proxy((f: number) => { if (finished) return; done[k] = f * part.count; opts.onProgress!(done.reduce((a, b) => a + b, 0) / samples.count); });
      return this.bridge(k).call((api) => api.sunlight(transfer(part, sampleBuffers(part)), path, opts.minRunMin ?? 1, onProgress), opts.signal);
    });
    // One part aborted or failed: stop the others too (their results are of no use).
    const results = await Promise.all(parts).catch((err) => { if (opts.signal?.aborted) this.stop(); throw err; });
    finished = true;
    opts.onProgress?.(1);
    const out = new Float32Array(samples.count);
    let at = 0;
    for (const r of results) { out.set(r, at); at += r.length; }
    return out;
  }

  /** A query of the scene (AnalysisApi's method of that name, with its arguments) on the first worker. */
  query<K extends AnalysisQuery>(method: K, args: Parameters<AnalysisApi[K]>, signal?: AbortSignal): Promise<Awaited<ReturnType<AnalysisApi[K]>>> {
    this.requireScene();
    return this.bridge(0).call((api) => (api[method] as unknown as (...a: unknown[]) => Promise<Awaited<ReturnType<AnalysisApi[K]>>>)(...args), signal);
  }

  /** Terminates the workers for good; safe to call twice. */
  dispose(): void {
    for (const b of this.bridges) b.dispose();
  }

  private stop(): void {
    for (const b of this.bridges) b.stop();
  }

  private requireScene(): void {
    if (!this.scene) throw new Error('AnalysisClient: no scene; call setScene(data) first');
  }

  /** Bridge k, created on first use; a worker it starts is given the scene first. */
  private bridge(k: number): WorkerBridge<AnalysisApi> {
    while (this.bridges.length <= k) {
      this.bridges.push(new WorkerBridge<AnalysisApi>(this.spawn, { name: `analysis worker ${this.bridges.length + 1}`, onStart: (api) => this.replay(api) }));
    }
    return this.bridges[k];
  }

  private replay(api: Remote<AnalysisApi>): void {
    // comlink keeps messages in order, so the scene is built before any later call.
    if (this.scene) void api.setScene(copyScene(this.scene.data), this.scene.cellSizeM);
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
