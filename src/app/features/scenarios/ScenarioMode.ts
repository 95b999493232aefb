import type { Viewer } from 'cesium';
import type { DemGrid } from '../../../geo/DemGrid';
import { kpiTable, type KpiRow } from '../../../scenario/compare/compareKpis';
import { ScenarioTimeline } from '../../../scenario/compare/ScenarioTimeline';
import type { RunResult } from '../../../scenario/run/RunResult';
import type { ScenarioRunner } from '../../../scenario/runner/ScenarioRunner';
import type { CameraState, Scenario } from '../../../scenario/schema/Scenario';
import { BASELINE } from '../../../scenario/variants/applyVariant';
import { ScenarioPanel } from '../../../ui/scenario/ScenarioPanel';
import { scenarioLegend } from '../../../scenario/layers/scenarioLegend';
import type { ColorScale } from '../../../view/overlay/ColorScale';
import { TimelineSlider } from '../../../ui/scenario/TimelineSlider';
import type { OverlayModel } from '../../../view/overlay/OverlayModel';
import { applyCamera, readCamera } from '../../../view/cesium/compare/cameraState';
import { SplitCompare } from '../../../view/cesium/compare/SplitCompare';
import { drawScenarioRun } from './drawScenarioRun';

/** What the workspace's scenario mode needs from the app. */
export interface ScenarioModeOptions {
  viewer: Viewer;
  /** The element holding the workspace viewer (#view), narrowed to the left half in compare mode. */
  viewHost: HTMLElement;
  overlay: OverlayModel;
  /** The side-panel section the scenario panel goes in. */
  side: HTMLElement;
  /** Where the timeline goes (the bottom dock, under the legends). */
  dock: HTMLElement;
  /** Shows (or with null hides) the legend of the shown result layers. */
  legend(scale: ColorScale | null): void;
  cityUrl: string;
  dem: DemGrid | null;
  scenarios: readonly Scenario[];
  runner: ScenarioRunner;
  /** Export asked for in the panel (CSV, GeoJSON, PNG, share link). */
  onExport(what: 'csv' | 'geojson' | 'png' | 'link'): void;
  /** Called after every change of scenario, variant, compare, time or camera (e.g. to update the URL). */
  onStateChange?: () => void;
}

/** What the scenario mode shows now: the share-link state plus the run status (tests read it). */
export interface ScenarioViewState {
  scenario: string;
  variant: string;
  compare: boolean;
  timeS: number;
  camera: CameraState;
  status: 'idle' | 'running' | 'ready' | 'error' | 'cancelled';
  kpis: KpiRow[] | null;
}

/**
 * The workspace's what-if mode: a scenario and variant chosen in the panel run (baseline and
 * variant in parallel Web Workers, cached by hash), their KPI table, a timeline scrubbing both runs,
 * the result layers drawn through the overlay model, and the split screen baseline | variant.
 */
export class ScenarioMode {
  readonly panel: ScenarioPanel;
  readonly slider: TimelineSlider;
  scenario: Scenario;
  variant: string;
  compare = false;
  status: ScenarioViewState['status'] = 'idle';
  runs: RunResult[] = [];
  rows: KpiRow[] | null = null;
  timeline: ScenarioTimeline | null = null;
  split: SplitCompare | null = null;
  private pendingTimeS = 0;
  private abort: AbortController | null = null;
  private readonly offCamera: () => void;

  constructor(readonly o: ScenarioModeOptions) {
    this.scenario = o.scenarios[0];
    this.variant = this.scenario.variants[0]?.name ?? BASELINE;
    this.panel = new ScenarioPanel(o.side, o.scenarios, {
      onSelect: (id, v) => this.select(id, v),
      onRun: () => { void this.run(); },
      onCancel: () => this.abort?.abort(),
      onCompare: (on) => { void this.setCompare(on); },
      onExport: (what) => o.onExport(what),
    });
    this.panel.select(this.scenario.id, this.variant);
    this.slider = new TimelineSlider(o.dock, (t) => this.describe(t));
    this.offCamera = o.viewer.camera.moveEnd.addEventListener(() => o.onStateChange?.());
  }

  /** Chooses a scenario and variant (unknown names throw, naming what exists); clears shown results. */
  select(id: string, variant?: string): void {
    const s = this.o.scenarios.find((x) => x.id === id);
    if (!s) throw new Error(`no scenario "${id}"; expected one of ${this.o.scenarios.map((x) => `"${x.id}"`).join(', ')}`);
    const v = variant ?? s.variants[0]?.name ?? BASELINE;
    if (v !== BASELINE && !s.variants.some((x) => x.name === v)) throw new Error(`scenario "${id}" has no variant "${v}"; expected "baseline" or one of ${s.variants.map((x) => `"${x.name}"`).join(', ')}`);
    this.abort?.abort();
    this.scenario = s;
    this.variant = v;
    this.panel.select(s.id, v);
    this.show([]);
    this.o.onStateChange?.();
  }

  /** The time shown (or to show once results are in), s. */
  get timeS(): number {
    return this.timeline?.timeS ?? this.pendingTimeS;
  }

  /** The time to show once results are in (or now, when they are). */
  setTime(tS: number): void {
    this.pendingTimeS = tS;
    this.timeline?.setTime(tS);
  }

  setCamera(c: CameraState): void {
    applyCamera(this.o.viewer.camera, c);
    this.o.viewer.scene.requestRender();
  }

  /** Runs (or fetches from the cache) the baseline and the chosen variant; resolves when shown. */
  async run(): Promise<void> {
    this.abort?.abort();
    const ac = (this.abort = new AbortController());
    const names = this.variant === BASELINE ? [BASELINE] : [BASELINE, this.variant];
    this.status = 'running';
    this.panel.setBusy(0, `Running ${names.join(' and ')} in Web Workers…`);
    document.body.dataset.scenario = 'running';
    this.o.onStateChange?.();
    try {
      const out = await this.o.runner.runMany(this.scenario, names, {
        signal: ac.signal,
        onProgress: (p) => this.panel.setBusy(p.overall, `${p.variant}: ${p.run.module} ${Math.round(p.run.fraction * 100)} %`),
      });
      if (ac.signal.aborted) return;
      this.show(out.map((x) => x.result));
      const cached = out.filter((x) => x.cached).length;
      this.status = 'ready';
      this.panel.setBusy(null, `Done: ${out.map((x) => `${x.variant} ${(x.result.wallMs / 1000).toFixed(1)} s`).join(', ')}${cached ? ` (${cached} from cache)` : ''}`);
      document.body.dataset.scenario = 'ready';
      this.o.onStateChange?.();
    } catch (err) {
      if (this.abort !== ac) return; // a newer run took over: its state stands
      const cancelled = (err as Error).name === 'AbortError';
      this.status = cancelled ? 'cancelled' : 'error';
      this.panel.setBusy(null, '');
      this.panel.setStatus(cancelled ? 'Cancelled.' : `Run failed: ${(err as Error).message}`, !cancelled);
      document.body.dataset.scenario = this.status;
      this.o.onStateChange?.();
      if (!cancelled) console.warn(err);
    } finally {
      if (this.abort === ac) this.abort = null;
    }
  }

  /** Shows runs (baseline first; empty clears): KPI table, timeline, layers. */
  private show(runs: RunResult[]): void {
    this.runs = runs;
    this.rows = runs.length ? kpiTable(this.scenario.kpis, runs) : null;
    this.panel.kpis.show(this.rows, this.variant, this.scenario.variants.find((v) => v.name === this.variant)?.title ?? this.variant);
    this.panel.setExportsEnabled(runs.length > 0);
    this.timeline = runs.length ? new ScenarioTimeline(runs) : null;
    this.slider.bind(this.timeline, this.scenario.start);
    if (this.timeline) {
      this.timeline.subscribe(() => { this.draw(); this.o.onStateChange?.(); });
      this.timeline.setTime(this.pendingTimeS);
    }
    if (!runs.length) this.status = 'idle';
    this.o.legend(scenarioLegend(runs.find((r) => r.variant === this.variant)?.layers ?? runs[0]?.layers ?? []));
    this.draw();
  }

  /** Draws the runs at the timeline's time: baseline left and variant right when comparing, else the chosen run. */
  draw(): void {
    const t = this.timeline?.timeS ?? 0;
    const base = this.runs.find((r) => r.variant === BASELINE), chosen = this.runs.find((r) => r.variant === this.variant) ?? base;
    drawScenarioRun(this.o.overlay, this.compare ? base : chosen, t, true);
    if (this.split) drawScenarioRun(this.split.rightOverlay, chosen, t, false);
  }

  async setCompare(on: boolean): Promise<void> {
    this.compare = on;
    this.panel.compareBox.checked = on;
    if (on && !this.split) {
      const title = (v: string) => (v === BASELINE ? 'Baseline' : `Variant: ${this.scenario.variants.find((x) => x.name === v)?.title ?? v}`);
      this.split = new SplitCompare(this.o.viewer, this.o.viewHost, this.o.cityUrl, this.o.dem, ['Baseline', title(this.variant)]);
      this.draw();
      await this.split.load();
    } else if (!on && this.split) {
      this.split.dispose();
      this.split = null;
    }
    this.draw();
    this.o.onStateChange?.();
  }

  state(): ScenarioViewState {
    return {
      scenario: this.scenario.id, variant: this.variant, compare: this.compare, timeS: this.timeline?.timeS ?? this.pendingTimeS,
      camera: readCamera(this.o.viewer.camera), status: this.status, kpis: this.rows,
    };
  }

  private describe(t: ScenarioTimeline): string {
    const samples = t.samples();
    const first = this.runs[0]?.timeline.series[0];
    if (!first) return '';
    return samples.map((s) => `${s.variant}: ${first.label.toLowerCase()} ${Math.round(s.values[first.id] ?? 0).toLocaleString('en')}${first.unit ? ` ${first.unit}` : ''}`).join(' · ');
  }

  dispose(): void {
    this.abort?.abort();
    this.offCamera();
    this.split?.dispose();
    drawScenarioRun(this.o.overlay, undefined, 0, true);
    this.o.legend(null);
    this.slider.dispose();
    this.panel.dispose();
  }
}
