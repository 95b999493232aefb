import { buildingHeight, type LonLatHeight } from '../../../../analysis/measure/measure';
import { MeasurePanel, type MeasureMode } from '../../../../ui/analysis/MeasurePanel';
import { CLICK_PRIORITY, type ClickHit } from '../../../host/ClickRouter';
import type { Feature } from '../../../host/Feature';
import type { FeatureHost } from '../../../host/FeatureHost';
import { leaseCityAnalysis, type CityAnalysis } from '../cityAnalysis';
import { formatArea, formatLength, MEASURE_LAYERS, measureLayers, polygonMeasures, polylineLengths } from './measureResult';

/** What `window.twin.measure` exposes. */
export interface LiveMeasure {
  panel: MeasurePanel;
  setMode(mode: MeasureMode): void;
  /** Adds a point (lon/lat) as a click there would; resolves once the results are shown. */
  add(lonLat: [number, number], buildingId?: string): Promise<void>;
  finish(): Promise<void>;
  /** The values shown (label, value with unit). */
  readonly values: Array<[string, string]>;
}

const m1 = (v: number) => `${v.toFixed(1)} m`;

/**
 * Measurement in either view's workspace (the analyst's Analyse tab, key M): distance along the
 * ellipsoid, straight through space and over the surface (terrain and roofs), area and perimeter,
 * heights (a building's ground and roof, or between two points) and an elevation profile with a
 * chart. Points come from clicks or, for keyboard use, from the middle of the view.
 */
export class MeasureFeature implements Feature {
  readonly name = 'measure';
  private panel: MeasurePanel | null = null;
  private lease: ReturnType<typeof leaseCityAnalysis> | null = null;
  private mode: MeasureMode = 'distance';
  private points: LonLatHeight[] = [];
  private building: string | null = null;
  private values: Array<[string, string]> = [];
  private armed = false;
  private readonly offs: Array<() => void> = [];

  init(host: FeatureHost): void {
    const slot = host.slot('measure', 'Measure');
    if (!slot) return;
    this.lease = leaseCityAnalysis(host.city);
    const run = (p: Promise<unknown>) => host.background(this.name, p);
    const panel = (this.panel = new MeasurePanel(slot, {
      onMode: (m) => this.setMode(host, m), onArm: (on) => this.arm(host, on),
      onCentre: () => { const c = host.view.centreLonLat(); if (c) run(this.add(host, c, null)); else panel.result.set('No ground in the middle of the view.', true); },
      onUndo: () => { this.points.pop(); run(this.update(host, false)); },
      onFinish: () => run(this.update(host, true)), onClear: () => this.clear(host),
    }));
    panel.setMode(this.mode);
    const self = this;
    host.expose('measure', {
      panel, setMode: (m) => this.setMode(host, m), add: (ll, b) => this.add(host, ll, b ?? null), finish: () => this.update(host, true),
      get values() { return self.values; },
    } satisfies LiveMeasure);
    this.offs.push(
      host.shortcuts.add('m', 'Measure: click points on the map', this.name, () => { host.reveal('measure'); this.arm(host, !this.armed); }),
      host.clicks.add(CLICK_PRIORITY.tool, (hit: ClickHit) => {
        if (!this.armed || !hit.lonLat) return false;
        run(this.add(host, hit.lonLat, hit.building ? String(hit.building.id ?? '') || null : null));
        return true;
      }),
      () => this.clear(host),
    );
  }

  private setMode(host: FeatureHost, mode: MeasureMode): void {
    this.mode = mode;
    this.panel?.setMode(mode);
    this.clear(host);
  }

  private arm(host: FeatureHost, on: boolean): void {
    this.armed = on;
    this.panel?.setArmed(on);
    if (on) host.status(`Measure ${this.mode}: click points on the map; Finish (in the panel) ends it.`);
  }

  private async add(host: FeatureHost, ll: [number, number], buildingId: string | null): Promise<void> {
    const a = await this.lease!.get();
    if (this.mode === 'height' && this.points.length >= 2) this.points = [];
    this.points.push([ll[0], ll[1], a.surfaceAt(ll[0], ll[1])]);
    this.building = buildingId;
    await this.update(host, false);
  }

  private async update(host: FeatureHost, finished: boolean): Promise<void> {
    const a = await this.lease!.get(), pts = this.points;
    const values = this.mode === 'area' ? this.areaValues(pts) : this.mode === 'height' ? this.heightValues(a, pts) : this.lineValues(pts);
    if ((this.mode === 'profile' || this.mode === 'distance') && pts.length >= 2) values.push(...(await this.profileValues(a, pts, this.mode === 'profile')));
    this.values = values;
    this.panel?.showValues(values);
    for (const id of Object.values(MEASURE_LAYERS)) host.overlay.remove(id);
    for (const [id, layer] of measureLayers(this.mode, pts, values[0] ? `${values[0][0]}: ${values[0][1]}` : null)) host.overlay.set(id, layer);
    if (finished) this.arm(host, false);
    host.announce('measure', values.length ? this.mode : null);
  }

  private lineValues(pts: LonLatHeight[]): Array<[string, string]> {
    if (pts.length < 2) return [];
    const l = polylineLengths(pts);
    return [['Along the ground (geodesic)', formatLength(l.geodesicM)], ['Straight (3D)', formatLength(l.straightM)], ['Height difference', m1(l.heightDiffM)]];
  }

  private areaValues(pts: LonLatHeight[]): Array<[string, string]> {
    if (pts.length < 3) return [];
    const m = polygonMeasures(pts);
    return [['Area', formatArea(m.areaM2)], ['Perimeter', formatLength(m.perimeterM)]];
  }

  private heightValues(a: CityAnalysis, pts: LonLatHeight[]): Array<[string, string]> {
    const out: Array<[string, string]> = pts.map((p, k) => [`Point ${k + 1} (ellipsoidal)`, m1(p[2])]);
    const i = this.building ? a.indexOf(this.building) : -1;
    if (i >= 0) {
      const b = a.model.buildings[i], h = buildingHeight(a.scene, b.footprint, b.heightM);
      out.unshift([`Building ${b.id}`, `${m1(h.heightM)}, ${b.floors} floors`], ['Ground', m1(h.groundM)], ['Roof', m1(h.roofM)]);
    }
    if (pts.length === 2) out.push(['Between the points', `${m1(pts[1][2] - pts[0][2])} up, ${formatLength(polylineLengths(pts).straightM)} straight`]);
    return out;
  }

  /** Over-the-surface length (and for a profile, the chart) from the analysis worker. */
  private async profileValues(a: CityAnalysis, pts: LonLatHeight[], chart: boolean): Promise<Array<[string, string]>> {
    const line = pts.map((p) => a.frame.toPlane(p[0], p[1]));
    const total = polylineLengths(pts).geodesicM, step = Math.max(1, total / 2000);
    const p = await a.client.query('profile', [line, step, [a.frame.originLonDeg, a.frame.originLatDeg]]);
    const out: Array<[string, string]> = [['Over the surface (terrain and roofs)', formatLength(p.surfaceM)]];
    if (!chart) return out;
    const s = p.samples, heights = s.map((x) => x.surfaceM);
    this.panel?.chart.show({ xs: s.map((x) => x.distanceM), ys: [s.map((x) => x.groundM), heights], series: [{ label: 'Ground (m)', color: '#a3a38b' }, { label: 'Surface with roofs (m)', color: '#38bdf8' }] });
    return [['Horizontal length', formatLength(p.horizontalM)], ...out, ['Lowest / highest', `${m1(Math.min(...heights))} / ${m1(Math.max(...heights))}`], ['Samples', `${s.length} every ${step.toFixed(1)} m`]];
  }

  private clear(host: FeatureHost): void {
    this.points = [];
    this.building = null;
    this.values = [];
    for (const id of Object.values(MEASURE_LAYERS)) host.overlay.remove(id);
    this.panel?.showValues([]);
    this.panel?.chart.show(null);
    host.announce('measure', null);
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.lease?.release();
    this.lease = null;
    this.panel?.dispose();
    this.panel = null;
  }
}
