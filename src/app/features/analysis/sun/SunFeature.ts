import { solarPosition } from '../../../../analysis/sun/solarPosition';
import { SunPanel, type SunSetting } from '../../../../ui/analysis/SunPanel';
import type { MirrorChannel } from '../../../../view/overlay/OverlayMirror';
import { SunShadows } from '../../../../view/cesium/SunShadows';
import type { Feature } from '../../../host/Feature';
import type { FeatureHost } from '../../../host/FeatureHost';
import type { WorkspaceViewPort } from '../../../views/startWorkspaceView';
import { AnalysisChannel, analysisChannelName } from '../analysisChannel';
import { formatLocalTime, localToUtcMs, parseLocalTime } from './sunTime';

/** What `window.twin.sun` exposes. */
export interface LiveSun {
  panel: SunPanel;
  /** Sets the day, time (minutes after local midnight) and shadows, as the panel does. */
  set(s: SunSetting): void;
  /** The sun shown now: instant and position (null before the first setting). */
  readonly shown: { timeMs: number; elevationDeg: number; azimuthDeg: number; shadows: boolean } | null;
}

/**
 * Sun and shadows in the workspace: a day and a time-of-day slider (key S) set Cesium's clock, so
 * the buildings are lit from the sun's place, and its shadow maps; the panel gives the sun's
 * elevation and azimuth. The setting is in the URL (`sun=YYYY-MM-DDTHH:MM`, local UTC+08:00,
 * `shadows=1`) and goes to the wall windows, whose lighting follows it.
 */
export class SunFeature implements Feature {
  readonly name = 'sun';
  private panel: SunPanel | null = null;
  private shadows: SunShadows | null = null;
  private channel: AnalysisChannel | null = null;
  private shown: LiveSun['shown'] = null;
  private readonly offs: Array<() => void> = [];

  constructor(private readonly view: WorkspaceViewPort) {}

  init(host: FeatureHost): void {
    const slot = host.slot('sun', 'Sun & shadows');
    if (!slot) return;
    host.url.claim(this.name, 'sun', 'shadows');
    const fromUrl = host.url.get('sun');
    const start = fromUrl ? parseLocalTime(fromUrl) : { date: '2026-01-20', minutes: 600 };
    const panel = (this.panel = new SunPanel(slot, { ...start, shadows: host.url.get('shadows') === '1' }, (s) => this.apply(host, s)));
    if (typeof BroadcastChannel !== 'undefined') this.channel = new AnalysisChannel(new BroadcastChannel(analysisChannelName(host.city.name)) as unknown as MirrorChannel, 'send');
    this.offs.push(host.shortcuts.add('s', 'Sun: focus the time-of-day slider', this.name, (e) => { e.preventDefault(); host.reveal('sun'); panel.slider.focus(); }));
    host.shortcuts.describe('← →', '5 minutes earlier / later', this.name, 'sun time slider');
    host.shortcuts.describe('PageUp PageDown', 'one hour later / earlier', this.name, 'sun time slider');
    const self = this;
    host.expose('sun', { panel, set: (s) => this.apply(host, s), get shown() { return self.shown; } } satisfies LiveSun);
    if (fromUrl) this.apply(host, panel.setting);
  }

  private apply(host: FeatureHost, s: SunSetting): void {
    const timeMs = localToUtcMs(s);
    const o = host.city.manifest.origin;
    const p = solarPosition(timeMs, o.lonDeg, o.latDeg);
    const ws = this.view.workspace;
    this.shadows ??= new SunShadows(ws.viewer, [ws.tilesets.buildings, ws.tilesets.terrain]);
    this.shadows.set(timeMs, s.shadows);
    this.panel?.showPosition(p.elevationDeg, p.azimuthDeg);
    this.shown = { timeMs, elevationDeg: p.elevationDeg, azimuthDeg: p.azimuthDeg, shadows: s.shadows };
    host.url.set(this.name, { sun: formatLocalTime(s), shadows: s.shadows ? 1 : null });
    this.channel?.update({ sunTimeMs: timeMs });
    host.announce('sun', formatLocalTime(s));
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.shadows?.dispose();
    this.shadows = null;
    this.channel?.dispose();
    this.channel = null;
    this.panel?.dispose();
    this.panel = null;
  }
}
