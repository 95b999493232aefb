import { Plane, Vector3 } from 'three';
import { solarPosition } from '../../../analysis/sun/solarPosition';
import type { MirrorChannel } from '../../../view/overlay/OverlayMirror';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import type { WallViewPort } from '../../views/startWallView';
import { AnalysisChannel, analysisChannelName, type AnalysisViewState } from './analysisChannel';
import { localToUtcMs, parseLocalTime } from './sun/sunTime';

/** What `window.twin.wallAnalysis` exposes (tests). */
export interface WallAnalysis {
  /** The last state applied. */
  readonly state: AnalysisViewState;
  readonly channel: AnalysisChannel | null;
}

const DEG = Math.PI / 180;

/**
 * The workspace's sun and section on the wall, as far as its look allows: the day look's light
 * comes from the sun's place (no shadow maps: the wall's stylised materials have none), and the
 * section's planes clip its buildings and terrain (three's clipping planes). From the city's
 * analysis channel, or `sun=YYYY-MM-DDTHH:MM` in the wall's own URL.
 */
export class WallAnalysisFeature implements Feature {
  readonly name = 'wallAnalysis';
  private channel: AnalysisChannel | null = null;
  private state: AnalysisViewState = { sunTimeMs: null, section: null };

  constructor(private readonly view: WallViewPort) {}

  init(host: FeatureHost): void {
    host.url.claim(this.name, 'sun');
    const sun = host.url.get('sun');
    if (sun) this.apply(host, { sunTimeMs: localToUtcMs(parseLocalTime(sun)), section: null });
    if (typeof BroadcastChannel !== 'undefined') {
      const bc = new BroadcastChannel(analysisChannelName(host.city.name)) as unknown as MirrorChannel;
      this.channel = new AnalysisChannel(bc, 'receive', (s) => this.apply(host, s));
    }
    const self = this;
    host.expose('wallAnalysis', { get state() { return self.state; }, get channel() { return self.channel; } } satisfies WallAnalysis);
  }

  private apply(host: FeatureHost, s: AnalysisViewState): void {
    this.state = s;
    const wall = this.view.wall, o = host.city.manifest.origin;
    if (s.sunTimeMs === null) wall.look.setSunDirection(null);
    else {
      const p = solarPosition(s.sunTimeMs, o.lonDeg, o.latDeg);
      const ce = Math.cos(p.elevationDeg * DEG);
      wall.look.setSunDirection([ce * Math.sin(p.azimuthDeg * DEG), ce * Math.cos(p.azimuthDeg * DEG), Math.sin(p.elevationDeg * DEG)]);
    }
    // ENU (x east, y north, z up) -> the wall's scene (x east, y up, z south); n·p + d is unchanged.
    const planes = (s.section?.planes ?? []).map((q) => new Plane(new Vector3(q.normalEnu[0], q.normalEnu[2], -q.normalEnu[1]), q.distanceEnu));
    wall.surface.renderer.localClippingEnabled = planes.length > 0;
    wall.look.setClipping(planes, s.section?.intersect ?? false);
    host.announce('wallSection', planes.length ? String(planes.length) : null);
  }

  dispose(): void {
    this.channel?.dispose();
    this.channel = null;
  }
}
