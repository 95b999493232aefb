import type { ScenarioRunMessage } from '../../../hub/runs/scenarioRunMessage';
import { ResultCache } from '../../../scenario/cache/ResultCache';
import { kpiTable, type KpiRow } from '../../../scenario/compare/compareKpis';
import type { RunResult } from '../../../scenario/run/RunResult';
import { ScenarioRunner } from '../../../scenario/runner/ScenarioRunner';
import type { WorkerPoolExecutor } from '../../../scenario/runner/WorkerPoolExecutor';
import { webWorkerExecutor } from '../../../scenario/runner/webWorkerExecutor';
import { BASELINE } from '../../../scenario/variants/applyVariant';
import type { OverlayModel } from '../../../view/overlay/OverlayModel';
import { drawScenarioRun } from '../scenarios/drawScenarioRun';

/** What the wall shows of a scenario run from the hub (its caption says it). */
export type RemoteScenarioStatus =
  | { state: 'none' }
  | { state: 'computing'; message: ScenarioRunMessage; fraction: number }
  | { state: 'shown'; message: ScenarioRunMessage; rows: KpiRow[] }
  /** This machine's workspace shows it: its layers came over the overlay mirror. */
  | { state: 'local'; message: ScenarioRunMessage }
  | { state: 'error'; message: string };

/** The workspace's code version for the in-browser cache (the same build runs the same code). */
const CODE_VERSION = 'browser-1';

/**
 * A scenario run that reached this wall through the hub (`hub/<city>/runs/scenario`): the
 * workspace sent the definition, the variant and the time shown; the wall runs baseline and
 * variant in its own Web Workers (runs are deterministic: the same layers and KPIs) and draws the
 * run the workspace's main view shows at that time. A run whose layers this page already has from
 * the overlay mirror (a workspace in this browser) is left to it.
 */
export class RemoteScenarioRun {
  status: RemoteScenarioStatus = { state: 'none' };
  /** Runs computed here, and ms from a run's message to its layers drawn (the latest). */
  computed = 0;
  lastMs = 0;
  private runner: ScenarioRunner | null = null;
  private executor: WorkerPoolExecutor | null = null;
  private msg: ScenarioRunMessage | null = null;
  private results: RunResult[] = [];
  private abort: AbortController | null = null;
  private drawn = false;

  constructor(
    private readonly overlay: OverlayModel, private readonly cityName: string,
    private readonly onStatus: (s: RemoteScenarioStatus) => void, private readonly localShows: () => boolean,
  ) {}

  /** Follows a runs/scenario message: a run (new, or its time moved), null (withdrawn) or a refused one. */
  take(m: ScenarioRunMessage | null | { error: string }): void {
    if (m !== null && !('error' in m) && m.run === this.msg?.run) {
      this.msg = m;
      if (this.results.length) this.draw();
      else if (this.status.state === 'local') this.set({ state: 'local', message: m });
      return;
    }
    this.stop();
    this.clear();
    this.msg = null;
    if (m === null) return this.set({ state: 'none' });
    if ('error' in m) return this.set({ state: 'error', message: `Scenario run from the hub refused: ${m.error}` });
    if (m.scenario.city !== this.cityName) return this.set({ state: 'error', message: `Scenario run from the hub is for the city "${m.scenario.city}"; this wall shows "${this.cityName}"` });
    this.msg = m;
    if (this.localShows()) return this.set({ state: 'local', message: m });
    this.start(m);
  }

  private start(m: ScenarioRunMessage): void {
    const ac = (this.abort = new AbortController()), t0 = performance.now();
    this.set({ state: 'computing', message: m, fraction: 0 });
    this.executor ??= webWorkerExecutor();
    this.runner ??= new ScenarioRunner({ executor: this.executor, cache: new ResultCache(), codeVersion: CODE_VERSION });
    const names = m.variant === BASELINE ? [BASELINE] : [BASELINE, m.variant];
    this.runner.runMany(m.scenario, names, { signal: ac.signal, onProgress: (p) => { if (this.abort === ac) this.set({ state: 'computing', message: m, fraction: p.overall }); } })
      .then((out) => {
        if (this.abort !== ac) return;
        this.abort = null;
        this.results = out.map((o) => o.result);
        this.draw();
        this.computed++;
        this.lastMs = performance.now() - t0;
        this.set({ state: 'shown', message: this.msg!, rows: kpiTable(m.scenario.kpis, this.results) });
      }, (err: Error) => {
        if (this.abort !== ac || err.name === 'AbortError') return;
        this.abort = null;
        this.set({ state: 'error', message: `Scenario run from the hub failed here: ${err.message}` });
      });
  }

  /** Draws what the workspace's main view shows: the baseline while it compares, else the chosen run. */
  private draw(): void {
    const m = this.msg!, base = this.results.find((r) => r.variant === BASELINE);
    drawScenarioRun(this.overlay, m.compare ? base : this.results.find((r) => r.variant === m.variant) ?? base, m.timeS, false);
    this.drawn = true;
    if (this.status.state === 'shown') this.set({ ...this.status, message: m });
  }

  private clear(): void {
    if (this.drawn) drawScenarioRun(this.overlay, undefined, 0, false);
    this.drawn = false;
    this.results = [];
  }

  private set(s: RemoteScenarioStatus): void {
    this.status = s;
    this.onStatus(s);
  }

  private stop(): void {
    this.abort?.abort();
    this.abort = null;
  }

  dispose(): void {
    this.stop();
    this.clear();
    this.executor?.dispose();
  }
}
