import { proxy } from 'comlink';
import type { LineOfSight, PlanePoint } from '../../../../analysis/sight/lineOfSight';
import type { Viewshed } from '../../../../analysis/sight/viewshed';
import { SightPanel, type SightTool } from '../../../../ui/analysis/SightPanel';
import { CLICK_PRIORITY } from '../../../host/ClickRouter';
import type { Feature } from '../../../host/Feature';
import type { FeatureHost } from '../../../host/FeatureHost';
import { leaseCityAnalysis, type CityAnalysis } from '../cityAnalysis';
import { SIGHT_LAYERS, sightLineLayers, viewshedLayer, VIEWSHED_SCALE } from './sightLayers';

/** What `window.twin.sight` exposes. */
export interface LiveSight {
  panel: SightPanel;
  /** Line of sight between two lon/lat points (heights above the surface from the panel). */
  line(from: [number, number], to: [number, number]): Promise<LineOfSight>;
  viewshed(at: [number, number]): Promise<Viewshed>;
  readonly last: { line: LineOfSight | null; viewshed: Viewshed | null };
}

const fmt = (m: number) => `${m.toLocaleString('en', { maximumFractionDigits: 1 })} m`;

/**
 * Line of sight between two picked points (key L) and the viewshed of an observer (key V), both
 * in the analysis workers against every building and the terrain; drawn as a 3D sight line
 * (green, then red past the first obstruction) and as a drape of visible and hidden cells.
 * URL: `los=LON,LAT,LON,LAT`, `vs=LON,LAT` (restored and recomputed on open).
 */
export class SightFeature implements Feature {
  readonly name = 'sight';
  private panel: SightPanel | null = null;
  private lease: ReturnType<typeof leaseCityAnalysis> | null = null;
  private armed: SightTool | null = null;
  private first: [number, number] | null = null;
  private readonly last: LiveSight['last'] = { line: null, viewshed: null };
  private readonly offs: Array<() => void> = [];

  init(host: FeatureHost): void {
    const slot = host.slot('sight', 'Sight line & viewshed');
    if (!slot) return;
    host.url.claim(this.name, 'los', 'vs');
    this.lease = leaseCityAnalysis(host.city);
    const panel = (this.panel = new SightPanel(slot, { onArm: (t) => this.arm(host, t), onClear: () => this.clear(host) }));
    const key = (k: string, tool: SightTool, what: string) => host.shortcuts.add(k, what, this.name, () => { host.reveal('sight'); this.arm(host, this.armed === tool ? null : tool); });
    this.offs.push(
      key('l', 'line', 'Sight line: click the observer, then the target'), key('v', 'viewshed', 'Viewshed: click the observer'),
      host.clicks.add(CLICK_PRIORITY.tool, (hit) => (this.armed && hit.lonLat ? (this.onPoint(host, hit.lonLat), true) : false)),
      () => this.clear(host),
    );
    host.expose('sight', { panel, line: (a, b) => this.line(host, a, b), viewshed: (p) => this.viewshed(host, p), last: this.last } satisfies LiveSight);
    this.restore(host);
  }

  private restore(host: FeatureHost): void {
    const nums = (k: string, n: number) => {
      const v = host.url.get(k)?.split(',').map(Number);
      if (!v) return null;
      if (v.length !== n || v.some((x) => !Number.isFinite(x))) throw new Error(`URL parameter "${k}" must be ${n} numbers (lon,lat${n > 2 ? ',lon,lat' : ''} in degrees)`);
      return v;
    };
    const los = nums('los', 4), vs = nums('vs', 2);
    if (los) host.background(this.name, this.line(host, [los[0], los[1]], [los[2], los[3]]));
    if (vs) host.background(this.name, this.viewshed(host, [vs[0], vs[1]]));
  }

  private arm(host: FeatureHost, tool: SightTool | null): void {
    this.armed = tool;
    this.first = null;
    this.panel?.setArmed(tool);
    if (tool) host.status(tool === 'line' ? 'Sight line: click the observer.' : 'Viewshed: click the observer.');
  }

  private onPoint(host: FeatureHost, p: [number, number]): void {
    if (this.armed === 'viewshed') { this.arm(host, null); host.background(this.name, this.viewshed(host, p)); return; }
    if (!this.first) { this.first = p; host.status('Sight line: now click the target.'); return; }
    const from = this.first;
    this.arm(host, null);
    host.background(this.name, this.line(host, from, p));
  }

  private at(a: CityAnalysis, p: [number, number], aboveM: number): PlanePoint {
    const [x, y] = a.frame.toPlane(p[0], p[1]);
    return [x, y, a.scene.surfaceM(x, y) + aboveM];
  }

  private async line(host: FeatureHost, fromLl: [number, number], toLl: [number, number]): Promise<LineOfSight> {
    const a = await this.lease!.get(), panel = this.panel!;
    const from = this.at(a, fromLl, panel.eye.read()), to = this.at(a, toLl, panel.target.read());
    const los = await a.client.query('lineOfSight', [from, to]);
    for (const [id, layer] of sightLineLayers(los, from, to, a.frame)) host.overlay.set(id, layer, { share: true });
    const o = los.obstruction;
    const what = o ? (o.kind === 'building' ? `building ${a.model.buildings[a.prismBuilding[o.prism]]?.id ?? '?'}` : 'the terrain') : '';
    panel.lineResult.set(o
      ? `Blocked by ${what} at ${fmt(o.distanceM)} from the eye (of ${fmt(los.distanceM)} straight), ${fmt(o.pointM[2] - a.scene.groundM(o.pointM[0], o.pointM[1]))} above the ground.`
      : `Visible: the target is in sight, ${fmt(los.distanceM)} away (straight line).`);
    host.url.set(this.name, { los: [...fromLl, ...toLl].map((v) => v.toFixed(6)).join(',') });
    this.last.line = los;
    host.announce('sightLine', los.visible ? 'visible' : 'blocked');
    return los;
  }

  private async viewshed(host: FeatureHost, p: [number, number]): Promise<Viewshed> {
    const a = await this.lease!.get(), panel = this.panel!;
    const [x, y] = a.frame.toPlane(p[0], p[1]);
    const req = { observerM: [x, y] as [number, number], eyeHeightM: panel.vsEye.read(), radiusM: panel.radius.read(), cellSizeM: panel.cell.read() };
    panel.progress.set(0, 'Viewshed…');
    const t0 = performance.now();
    try {
      const v = await a.client.query('viewshed', [req, proxy((f: number) => panel.progress.set(f, `Viewshed ${Math.round(f * 100)} %`))]);
      host.overlay.set(SIGHT_LAYERS.viewshed, viewshedLayer(v, a.frame), { share: true });
      host.overlay.set(SIGHT_LAYERS.observer, { kind: 'points', points: [{ id: 'viewshed-eye', lonDeg: p[0], latDeg: p[1], heightM: v.eyeM[2], color: '#f8fafc', sizePx: 11, title: 'Observer' }] });
      host.legend.show(this.name, { ...VIEWSHED_SCALE, title: `Viewshed (eye ${req.eyeHeightM} m, radius ${req.radiusM} m)` });
      const share = v.cellsInRadius ? (100 * v.visibleCells) / v.cellsInRadius : 0;
      panel.viewshedResult.set(`Visible: ${share.toFixed(1)} % of ${v.cellsInRadius.toLocaleString('en')} cells of ${req.cellSizeM} m within ${req.radiusM} m (eye at ${fmt(v.eyeM[2])}); ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
      host.url.set(this.name, { vs: `${p[0].toFixed(6)},${p[1].toFixed(6)}` });
      this.last.viewshed = v;
      host.announce('viewshed', 'done');
      return v;
    } finally {
      panel.progress.set(null);
    }
  }

  private clear(host: FeatureHost): void {
    for (const id of Object.values(SIGHT_LAYERS)) host.overlay.remove(id);
    host.legend.show(this.name, null);
    this.panel?.lineResult.set('');
    this.panel?.viewshedResult.set('');
    this.last.line = null;
    this.last.viewshed = null;
    host.url.set(this.name, { los: null, vs: null });
    host.announce('sightLine', null);
    host.announce('viewshed', null);
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.lease?.release();
    this.lease = null;
    this.panel?.dispose();
    this.panel = null;
  }
}
