import { horizontalSection, verticalSection, type SectionPlane } from '../../../../analysis/section/sectionPlanes';
import { SectionPanel, type SectionTool } from '../../../../ui/analysis/SectionPanel';
import { SectionClipping } from '../../../../view/cesium/SectionClipping';
import type { MirrorChannel } from '../../../../view/overlay/OverlayMirror';
import { CLICK_PRIORITY } from '../../../host/ClickRouter';
import type { Feature } from '../../../host/Feature';
import type { FeatureHost } from '../../../host/FeatureHost';
import type { WorkspaceViewPort } from '../../../views/startWorkspaceView';
import { AnalysisChannel, analysisChannelName } from '../analysisChannel';
import { leaseCityAnalysis } from '../cityAnalysis';
import { buildingCut } from './buildingCut';
import { formatSection, parseSection, type SectionSpec } from './sectionSpec';

/** What `window.twin.section` exposes. */
export interface LiveSection {
  panel: SectionPanel;
  set(spec: SectionSpec | null): Promise<void>;
  readonly spec: SectionSpec | null;
  readonly clipping: SectionClipping;
}

/**
 * Sections in the workspace (Cesium clipping planes on the buildings and terrain tilesets):
 * vertical along a picked line (key X), horizontal at a height, or one building's floors above N
 * (the cut at that floor's ceiling, limited to the building's footprint). In the URL as
 * `section=v:LON,LAT,LON,LAT | h:LON,LAT,HEIGHT | f:BUILDING,FLOOR`, and sent to the wall windows,
 * which clip their own buildings and terrain the same way.
 */
export class SectionFeature implements Feature {
  readonly name = 'section';
  private panel: SectionPanel | null = null;
  private clipping: SectionClipping | null = null;
  private channel: AnalysisChannel | null = null;
  private lease: ReturnType<typeof leaseCityAnalysis> | null = null;
  private armed: SectionTool | null = null;
  private first: [number, number] | null = null;
  private spec: SectionSpec | null = null;
  private readonly offs: Array<() => void> = [];

  constructor(private readonly view: WorkspaceViewPort) {}

  init(host: FeatureHost): void {
    const slot = host.slot('section', 'Section');
    if (!slot) return;
    host.url.claim(this.name, 'section');
    this.lease = leaseCityAnalysis(host.city);
    const ws = this.view.workspace;
    const clipping = (this.clipping = new SectionClipping(ws.viewer.scene, ws.tilesets));
    if (typeof BroadcastChannel !== 'undefined') this.channel = new AnalysisChannel(new BroadcastChannel(analysisChannelName(host.city.name)) as unknown as MirrorChannel, 'send');
    const run = (p: Promise<unknown>) => host.background(this.name, p.catch((e: Error) => this.panel?.result.set(e.message, true)));
    const panel = (this.panel = new SectionPanel(slot, {
      onArm: (t) => this.arm(host, t), onClear: () => run(this.set(host, null)),
      onFlip: () => { const s = this.spec; if (s?.kind === 'v') run(this.set(host, { kind: 'v', a: s.b, b: s.a })); },
      onHorizontal: () => run(this.horizontal(host)),
    }));
    this.offs.push(
      host.shortcuts.add('x', 'Section: click two points for a vertical cut', this.name, () => { host.reveal('section'); this.arm(host, this.armed === 'line' ? null : 'line'); }),
      host.clicks.add(CLICK_PRIORITY.tool, (hit) => {
        if (!this.armed || !hit.lonLat) return false;
        if (this.armed === 'building') {
          const id = hit.building ? String(hit.building.id ?? '') : '';
          if (id) { this.arm(host, null); run(this.set(host, { kind: 'f', id, floor: panel.floor.read() })); }
          return true;
        }
        if (!this.first) { this.first = hit.lonLat; host.status('Section: click the second point.'); return true; }
        const a = this.first;
        this.arm(host, null);
        run(this.set(host, { kind: 'v', a, b: hit.lonLat }));
        return true;
      }),
    );
    const self = this;
    host.expose('section', { panel, clipping, set: (s) => this.set(host, s), get spec() { return self.spec; } } satisfies LiveSection);
    const fromUrl = host.url.get('section');
    if (fromUrl) run(this.set(host, parseSection(fromUrl)));
  }

  private arm(host: FeatureHost, tool: SectionTool | null): void {
    this.armed = tool;
    this.first = null;
    this.panel?.setArmed(tool);
    if (tool) host.status(tool === 'line' ? 'Section: click the first point of the line.' : 'Section: click the building.');
  }

  private async horizontal(host: FeatureHost): Promise<void> {
    const c = host.view.centreLonLat();
    if (!c) throw new Error('No ground in the middle of the view to cut over.');
    const a = await this.lease!.get();
    const [x, y] = a.frame.toPlane(c[0], c[1]);
    await this.set(host, { kind: 'h', at: c, heightM: Math.round((a.scene.groundM(x, y) + this.panel!.height.read()) * 10) / 10 });
  }

  /** Applies a section (null clears): clipping planes here, the same planes on the wall, the URL. */
  private async set(host: FeatureHost, spec: SectionSpec | null): Promise<void> {
    const planes = spec ? await this.planes(spec) : [];
    const intersect = spec?.kind === 'f';
    this.clipping!.set(planes, intersect, spec?.kind === 'f');
    this.channel?.update({ section: planes.length ? { planes: planes.map((p) => ({ normalEnu: p.normalEnu, distanceEnu: p.distanceEnu })), intersect } : null });
    this.spec = spec;
    this.panel?.result.set(planes[0]?.label ? `Section: ${planes[0].label}.` : '');
    host.url.set(this.name, { section: spec ? formatSection(spec) : null });
    host.announce('section', spec ? spec.kind : null);
  }

  private async planes(spec: SectionSpec): Promise<SectionPlane[]> {
    const a = await this.lease!.get();
    if (spec.kind === 'v') return [verticalSection(a.frame, spec.a, spec.b)];
    if (spec.kind === 'h') return [horizontalSection(a.frame, a.frame.toPlane(spec.at[0], spec.at[1]), spec.heightM)];
    const i = a.indexOf(spec.id);
    if (i < 0) throw new Error(`section: no building "${spec.id}" in this city`);
    const b = a.model.buildings[i];
    if (spec.floor >= b.floors) throw new Error(`section: ${b.id} has ${b.floors} floors; choose a floor below ${b.floors}`);
    return buildingCut(a.frame, b, a.groundM(b), spec.floor);
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.clipping?.dispose();
    this.channel?.dispose();
    this.lease?.release();
    this.panel?.dispose();
    this.panel = null;
  }
}
