import { samplesCsv, floorsCsv } from '../../../../analysis/sunlight/sunlightCsv';
import { planSunlight, reportSunlight, type SunlightPlan, type SunlightReport } from '../../../../analysis/sunlight/sunlightStudy';
import { SunlightPanel } from '../../../../ui/analysis/SunlightPanel';
import { download } from '../../../../ui/scenario/download';
import { BUILDING_COLOR_PRIORITY } from '../../../../view/overlay/buildingColorPriority';
import { CLICK_PRIORITY } from '../../../host/ClickRouter';
import type { Feature } from '../../../host/Feature';
import type { FeatureHost } from '../../../host/FeatureHost';
import { leaseCityAnalysis, type CityAnalysis } from '../cityAnalysis';
import { SUNLIGHT_LAYERS, sunlightLayers, sunlightScale } from './sunlightLayers';

/** At most this many buildings in one study from the panel (the CLI takes more). */
export const MAX_SUNLIGHT_BUILDINGS = 150;
const CHOSEN = 'sunlight:chosen';

/** A finished study. */
export interface SunlightResult { plan: SunlightPlan; minutes: Float32Array; report: SunlightReport; seconds: number }

/** What `window.twin.sunlight` exposes. */
export interface LiveSunlight {
  panel: SunlightPanel;
  readonly chosen: readonly string[];
  choose(ids: string[]): void;
  run(): Promise<void>;
  readonly result: SunlightResult | null;
}

/**
 * Sunlight hours (日照) of chosen buildings: picked on the map (key U) or the drill-down's
 * selection, counted in the analysis workers on the chosen day (GB 50180 standards) with
 * progress; samples coloured by minutes, floors below the standard as slabs, the buildings by
 * their worst floor, a table and CSV. URL: `sunB=ID,...&sunDate=YYYY-MM-DD&sunStd=dahan` (a link
 * with buildings runs the study on open).
 */
export class SunlightFeature implements Feature {
  readonly name = 'sunlight';
  private panel: SunlightPanel | null = null;
  private lease: ReturnType<typeof leaseCityAnalysis> | null = null;
  private chosen: string[] = [];
  private armed = false;
  private abort: AbortController | null = null;
  private result: SunlightResult | null = null;
  private readonly offs: Array<() => void> = [];

  init(host: FeatureHost): void {
    const slot = host.slot('sunlight', 'Sunlight hours (日照)');
    if (!slot) return;
    this.offs.push(() => { this.clearResult(host); host.overlay.remove(CHOSEN); });
    host.url.claim(this.name, 'sunB', 'sunDate', 'sunStd');
    this.lease = leaseCityAnalysis(host.city);
    const panel = (this.panel = new SunlightPanel(slot, { date: host.url.get('sunDate') ?? '2026-01-20', standard: host.url.get('sunStd') ?? 'dahan', spacingM: 3, stepMin: 1 }, {
      onPick: (on) => this.arm(host, on),
      onUseSelection: () => host.background(this.name, this.useSelection(host)),
      onClear: () => { this.abort?.abort(); this.choose(host, []); },
      onRemove: (id) => this.choose(host, this.chosen.filter((x) => x !== id)),
      onRun: () => { void this.run(host); },
      onCancel: () => this.abort?.abort(),
      onCsv: (what) => this.csv(what),
    }));
    panel.setBuildings([]);
    this.offs.push(
      host.shortcuts.add('u', 'Sunlight: pick buildings on the map', this.name, () => { host.reveal('sunlight'); this.arm(host, !this.armed); }),
      host.clicks.add(CLICK_PRIORITY.tool, (hit) => {
        if (!this.armed) return false;
        const id = hit.building ? String(hit.building.id ?? '') : '';
        if (id) this.choose(host, this.chosen.includes(id) ? this.chosen.filter((x) => x !== id) : [...this.chosen, id]);
        return true;
      }),
    );
    this.expose(host);
    const ids = host.url.get('sunB');
    if (ids) { this.choose(host, ids.split(',').filter(Boolean)); void this.run(host); }
  }

  private expose(host: FeatureHost): void {
    const self = this;
    host.expose('sunlight', {
      panel: this.panel!, choose: (ids) => this.choose(host, ids), run: () => this.run(host),
      get chosen() { return self.chosen; }, get result() { return self.result; },
    } satisfies LiveSunlight);
  }

  private arm(host: FeatureHost, on: boolean): void {
    this.armed = on;
    this.panel?.setArmed(on);
    if (on) host.status('Sunlight: click buildings to add or remove them; U again to stop.');
  }

  /** Sets the studied buildings: the old result goes, the new ones are highlighted and in the URL. */
  private choose(host: FeatureHost, ids: string[]): void {
    if (ids.length > MAX_SUNLIGHT_BUILDINGS) {
      this.panel?.status.set(`${ids.length} buildings: at most ${MAX_SUNLIGHT_BUILDINGS} in one study. Choose a smaller unit.`, true);
      return;
    }
    this.chosen = [...new Set(ids)];
    this.clearResult(host);
    this.panel?.setBuildings(this.chosen);
    this.panel?.status.set('');
    if (this.chosen.length) host.overlay.set(CHOSEN, { kind: 'featureColors', colors: new Map(this.chosen.map((id) => [id, '#38bdf8c0'])), priority: BUILDING_COLOR_PRIORITY.selection, blend: 'over' });
    else host.overlay.remove(CHOSEN);
    host.url.set(this.name, { sunB: this.chosen.length ? this.chosen.join(',') : null });
  }

  private async useSelection(host: FeatureHost): Promise<void> {
    const unit = host.selection.unitId;
    if (!unit) { this.panel?.status.set('Select a unit in the drill-down first (Analyse tab).', true); return; }
    const model = await host.city.model();
    this.choose(host, model.hierarchy.buildingsUnder(unit).map((i) => model.buildings[i].id));
  }

  private clearResult(host: FeatureHost): void {
    this.result = null;
    for (const id of Object.values(SUNLIGHT_LAYERS)) host.overlay.remove(id);
    host.legend.show(this.name, null);
    this.panel?.showBelow(null, 0);
    host.announce('sunlight', null);
  }

  private async run(host: FeatureHost): Promise<void> {
    const panel = this.panel!;
    if (!this.chosen.length) { panel.status.set('Choose buildings first: pick them on the map (U) or use the selection.', true); return; }
    this.abort?.abort();
    const ac = (this.abort = new AbortController());
    const input = panel.inputs;
    host.url.set(this.name, { sunDate: input.date, sunStd: input.standard });
    panel.setRunning(true);
    host.announce('sunlight', 'running');
    try {
      const a = await this.lease!.get();
      const result = await this.count(a, input, ac.signal);
      if (ac.signal.aborted) return;
      this.show(host, a, result);
    } catch (err) {
      const cancelled = ac.signal.aborted;
      panel.status.set(cancelled ? 'Cancelled.' : `Sunlight failed: ${(err as Error).message}`, !cancelled);
      host.announce('sunlight', cancelled ? 'cancelled' : 'error');
    } finally {
      panel.setRunning(false);
      panel.progress.set(null);
    }
  }

  private async count(a: CityAnalysis, input: SunlightPanel['inputs'], signal: AbortSignal): Promise<SunlightResult> {
    const indices = this.chosen.map((id) => {
      const i = a.indexOf(id);
      if (i < 0) throw new Error(`no building "${id}" in this city`);
      return i;
    });
    const t0 = performance.now();
    const plan = planSunlight(a.model.buildings, indices, a.groundM, (x, y) => a.frame.toLonLat(x, y), { date: input.date, standard: input.standard, spacingM: input.spacingM, stepMin: input.stepMin });
    const panel = this.panel!;
    panel.progress.set(0, `${plan.samples.count.toLocaleString('en')} sample points × ${plan.path.count} sun steps…`);
    const minutes = await a.client.sunlight(plan.samples, plan.path, {
      signal, minRunMin: plan.minRunMin, onProgress: (f) => panel.progress.set(f, `${Math.round(f * 100)} % of ${plan.samples.count.toLocaleString('en')} sample points`),
    });
    return { plan, minutes, report: reportSunlight(a.model.buildings, plan, minutes), seconds: (performance.now() - t0) / 1000 };
  }

  private show(host: FeatureHost, a: CityAnalysis, r: SunlightResult): void {
    this.result = r;
    const req = r.plan.standard.requiredMin, scale = sunlightScale(req, this.panel!.inputs.date);
    host.overlay.remove(CHOSEN);
    for (const [id, layer] of sunlightLayers(a.model.buildings, r.plan, r.minutes, r.report, a.frame, a.groundM, scale)) host.overlay.set(id, layer, { share: true });
    host.legend.show(this.name, scale);
    const below = r.report.floors.filter((f) => f.belowStandard).length;
    const day = r.plan.onStandardDay ? '' : ' (not the standard\'s day: for information)';
    this.panel!.status.set(`${r.plan.samples.count.toLocaleString('en')} sample points in ${r.seconds.toFixed(1)} s: ${below} of ${r.report.floors.length} floors below ${req} min${day}.`);
    this.panel!.showBelow(r.report.belowStandard, req);
    host.announce('sunlight', 'done');
  }

  private csv(what: 'floors' | 'samples'): void {
    const r = this.result;
    const a = this.lease && r ? this.lease.get() : null;
    if (!r || !a) return;
    const stem = `sunlight-${this.panel!.inputs.date}`;
    if (what === 'floors') { download(`${stem}-floors.csv`, floorsCsv(r.report.floors), 'text/csv'); return; }
    void a.then((c) => download(`${stem}-samples.csv`, samplesCsv(r.plan.samples, r.minutes, c.model.buildings.map((b) => b.id), (x, y) => c.frame.toLonLat(x, y)), 'text/csv'));
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.abort?.abort();
    this.lease?.release();
    this.lease = null;
    this.panel?.dispose();
    this.panel = null;
  }
}
