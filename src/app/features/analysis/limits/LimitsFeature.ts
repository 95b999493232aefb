import { heightLimitZonesFromGeoJson, type HeightLimit } from '../../../../analysis/limits/HeightLimit';
import { buildingsAboveLimit, type LimitExcess } from '../../../../analysis/limits/heightLimitCheck';
import { compareSkylines, type SkylineChange, type SkylineProfile } from '../../../../analysis/limits/skyline';
import { shippedScenarios } from '../../../../scenario/io/shippedScenarios';
import type { Scenario } from '../../../../scenario/schema/Scenario';
import { LimitsPanel } from '../../../../ui/analysis/LimitsPanel';
import { download } from '../../../../ui/scenario/download';
import { AnalysisClient } from '../../../../../workers/analysisClient';
import { CLICK_PRIORITY } from '../../../host/ClickRouter';
import type { Feature } from '../../../host/Feature';
import type { FeatureHost } from '../../../host/FeatureHost';
import { leaseCityAnalysis, type CityAnalysis } from '../cityAnalysis';
import { LIMIT_LAYERS, LIMIT_SCALE, limitLayers, skylineLines } from './limitsLayers';
import { massingVariants, sceneAfter } from './massingVariants';

/** What `window.twin.limits` exposes. */
export interface LiveLimits {
  panel: LimitsPanel;
  check(): Promise<LimitExcess[]>;
  skyline(at: [number, number], variant?: string): Promise<SkylineChange>;
  readonly last: { excess: LimitExcess[] | null; skyline: SkylineChange | null };
}

/**
 * Height limits (控高) and the skyline: the buildings above a flat limit (over the ground or
 * absolute, `limit=60` / `limit=abs:560` in the URL) or a zone plan from a GeoJSON file, coloured
 * with the part above drawn solid, a table and CSV (key K); and the skyline from a picked
 * viewpoint before and after a scenario variant's massing (`sky=LON,LAT&skyAfter=ID/VARIANT`),
 * charted and traced on the map. The skyline runs in the analysis workers; the "after" city in
 * a worker of its own.
 */
export class LimitsFeature implements Feature {
  readonly name = 'limits';
  private panel: LimitsPanel | null = null;
  private lease: ReturnType<typeof leaseCityAnalysis> | null = null;
  private zones: HeightLimit | null = null;
  private after: { client: AnalysisClient; key: string } | null = null;
  private picking = false;
  private viewpoint: [number, number] | null = null;
  private readonly last: LiveLimits['last'] = { excess: null, skyline: null };
  private scenarios: Scenario[] = [];
  private readonly offs: Array<() => void> = [];

  init(host: FeatureHost): void {
    const slot = host.slot('limits', 'Height limits & skyline');
    if (!slot) return;
    host.url.claim(this.name, 'limit', 'sky', 'skyAfter');
    this.lease = leaseCityAnalysis(host.city);
    this.scenarios = shippedScenarios(host.city.name);
    const run = (p: Promise<unknown>) => host.background(this.name, p.catch((e: Error) => this.panel?.limitResult.set(e.message, true)));
    const panel = (this.panel = new LimitsPanel(slot, massingVariants(this.scenarios), {
      onCheck: () => run(this.check(host)), onFile: (f) => run(this.readZones(f)), onClearLimit: () => this.clearLimit(host),
      onCsv: () => this.csv(), onPickViewpoint: (on) => this.setPicking(host, on),
      onSkyline: () => { const c = this.viewpoint ?? host.view.centreLonLat(); if (c) run(this.skyline(host, c)); },
    }));
    this.offs.push(
      host.shortcuts.add('k', 'Height limit: check the buildings above it', this.name, () => { host.reveal('limits'); run(this.check(host)); }),
      host.clicks.add(CLICK_PRIORITY.tool, (hit) => {
        if (!this.picking || !hit.lonLat) return false;
        this.viewpoint = hit.lonLat;
        this.setPicking(host, false);
        run(this.skyline(host, hit.lonLat));
        return true;
      }),
      () => this.clearLimit(host), () => { host.overlay.remove(LIMIT_LAYERS.skyline); this.after?.client.dispose(); },
    );
    host.expose('limits', { panel, check: () => this.check(host), skyline: (at, v) => this.skyline(host, at, v), last: this.last } satisfies LiveLimits);
    this.restore(host, run);
  }

  private restore(host: FeatureHost, run: (p: Promise<unknown>) => void): void {
    const limit = host.url.get('limit'), sky = host.url.get('sky'), after = host.url.get('skyAfter');
    if (limit) {
      const abs = limit.startsWith('abs:'), v = Number(abs ? limit.slice(4) : limit);
      if (!Number.isFinite(v) || v < 0) throw new Error(`URL parameter "limit" must be a height in meters, or abs:METERS (got '${limit}')`);
      this.panel!.mode.value = abs ? 'absolute' : 'ground';
      this.panel!.height.input.value = String(v);
      run(this.check(host));
    }
    if (sky) {
      const [lon, lat] = sky.split(',').map(Number);
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new Error(`URL parameter "sky" must be LON,LAT in degrees (got '${sky}')`);
      if (after) this.panel!.after.value = after;
      this.viewpoint = [lon, lat];
      run(this.skyline(host, [lon, lat]));
    }
  }

  private setPicking(host: FeatureHost, on: boolean): void {
    this.picking = on;
    this.panel?.setPicking(on);
    if (on) host.status('Skyline: click the viewpoint.');
  }

  private limit(): HeightLimit {
    const p = this.panel!;
    if (p.limitMode === 'file') {
      if (!this.zones) throw new Error('Choose a GeoJSON file of height-limit zones first.');
      return this.zones;
    }
    return { kind: 'flat', heightM: p.height.read(), reference: p.limitMode === 'ground' ? 'ground' : 'absolute' };
  }

  private async readZones(file: File): Promise<void> {
    const a = await this.lease!.get();
    let json: unknown;
    try { json = JSON.parse(await file.text()); } catch (e) { throw new Error(`${file.name}: not JSON (${(e as Error).message})`); }
    this.zones = heightLimitZonesFromGeoJson(json, a.frame, file.name);
    this.panel?.limitResult.set(`${file.name}: ${this.zones.kind === 'zones' ? this.zones.zones.length : 0} zones read.`);
  }

  private async check(host: FeatureHost): Promise<LimitExcess[]> {
    const a = await this.lease!.get(), limit = this.limit();
    const t0 = performance.now();
    const excess = buildingsAboveLimit(a.scene, a.model.buildings, limit);
    this.clearLimit(host);
    for (const [id, layer] of limitLayers(excess, a.model.buildings, limit, a.frame, (x, y) => a.scene.groundM(x, y))) host.overlay.set(id, layer, { share: true });
    host.legend.show(this.name, { ...LIMIT_SCALE, title: limit.kind === 'flat' ? `Height limit ${limit.heightM} m ${limit.reference === 'ground' ? 'above the ground' : '(absolute)'}` : 'Height-limit zones' });
    const worst = excess[0];
    this.panel!.limitResult.set(`${excess.length.toLocaleString('en')} of ${a.model.buildings.length.toLocaleString('en')} buildings above the limit${worst ? `; the most, ${worst.buildingId}, by ${worst.excessM.toFixed(1)} m` : ''} (${Math.round(performance.now() - t0)} ms).`);
    this.panel!.showExcess(excess);
    if (limit.kind === 'flat') host.url.set(this.name, { limit: limit.reference === 'ground' ? String(limit.heightM) : `abs:${limit.heightM}` });
    this.last.excess = excess;
    host.announce('limits', String(excess.length));
    return excess;
  }

  private clearLimit(host: FeatureHost): void {
    for (const id of [LIMIT_LAYERS.offenders, LIMIT_LAYERS.above, LIMIT_LAYERS.zones]) host.overlay.remove(id);
    host.legend.show(this.name, null);
    this.panel?.showExcess(null);
    this.last.excess = null;
    host.url.set(this.name, { limit: null });
    host.announce('limits', null);
  }

  private csv(): void {
    const rows = this.last.excess;
    if (!rows) return;
    const lines = ['buildingId,roofM,limitM,excessM,floorsAbove', ...rows.map((r) => [r.buildingId, r.roofM, r.limitM, r.excessM, r.floorsAbove].join(','))];
    download('height-limit.csv', `${lines.join('\n')}\n`, 'text/csv');
  }

  private async skyline(host: FeatureHost, at: [number, number], variant?: string): Promise<SkylineChange> {
    const a = await this.lease!.get(), panel = this.panel!;
    const key = variant ?? panel.after.value;
    const [x, y] = a.frame.toPlane(at[0], at[1]);
    const req = { eyeM: [x, y, a.scene.surfaceM(x, y) + panel.eye.read()] as [number, number, number], stepDeg: 0.5, maxDistM: 3000 };
    panel.progress.set(0.1, 'Skyline before…');
    try {
      const before = await a.client.query('skyline', [req]);
      panel.progress.set(0.5, 'Skyline after…');
      const after = await (await this.afterClient(a, key)).query('skyline', [req]);
      return this.showSkyline(host, a, before, after, key, at);
    } finally {
      panel.progress.set(null);
    }
  }

  /** The worker holding the city after a variant's massing (rebuilt when the variant changes). */
  private async afterClient(a: CityAnalysis, key: string): Promise<AnalysisClient> {
    if (this.after?.key === key) return this.after.client;
    this.after?.client.dispose();
    const client = new AnalysisClient(undefined, { workers: 1 });
    this.after = { client, key };
    await client.setScene(sceneAfter(key, this.scenarios, a.model.buildings, a.dem, a.frame).data);
    return client;
  }

  private showSkyline(host: FeatureHost, a: CityAnalysis, before: SkylineProfile, after: SkylineProfile, key: string, at: [number, number]): SkylineChange {
    const change = compareSkylines(before, after);
    this.panel!.chart.show({ xs: before.azimuthDeg, ys: [before.elevationDeg, after.elevationDeg], series: [{ label: 'Before (°)', color: '#e2e8f0' }, { label: 'After (°)', color: '#f472b6' }] });
    const lines = [...skylineLines(before, a.frame, 'skyline-before', '#e2e8f0'), ...skylineLines(after, a.frame, 'skyline-after', '#f472b6')];
    host.overlay.set(LIMIT_LAYERS.skyline, { kind: 'lines', lines }, { share: true });
    this.panel!.skylineResult.set(change.maxRiseDeg > 0
      ? `After ${key}: the skyline rises by up to ${change.maxRiseDeg.toFixed(2)}° (at azimuth ${change.maxRiseAtDeg?.toFixed(1)}° from north); ${(change.changedShare * 100).toFixed(1)} % of directions change.`
      : `After ${key}: the skyline seen from here does not rise (${(change.changedShare * 100).toFixed(1)} % of directions change).`);
    host.url.set(this.name, { sky: `${at[0].toFixed(6)},${at[1].toFixed(6)}`, skyAfter: key });
    this.last.skyline = change;
    host.announce('skyline', 'done');
    return change;
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.after = null;
    this.lease?.release();
    this.lease = null;
    this.panel?.dispose();
    this.panel = null;
  }
}
