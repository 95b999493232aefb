import { HubReplay, type ReplayState } from '../../../hub/client/HubReplay';
import { alertText } from '../../../ui/signs/alertText';
import { ReplayPanel } from '../../../ui/signs/ReplayPanel';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import type { LiveSigns, LiveSignsFeature } from '../liveSigns/LiveSignsFeature';
import { alertingSensorLayer } from '../liveSigns/sensorMarkerLayers';
import type { WallViewPort } from '../../views/startWallView';
import { replayBanner } from './replayBanner';
import type { WallCommandFeature } from './WallCommandFeature';
import { WallReplayLink } from './WallReplayLink';

const LAYER = 'replay:alerts';

/**
 * Replay of the last 24 h on the wall (key R, or the Replay button): the same HubReplay as the
 * workspace's section, with a large bar at the bottom (time slider: arrows a minute, Page Up/Down
 * an hour; Space plays or pauses; Play at 1 min/s, 10 min/s or 1 h/s; Esc, R or "Back to live"
 * end it), an amber "REPLAY hh:mm" banner across the top, the command panels showing that moment
 * (tagged), and the alerts open then as pulsing markers instead of the live ones. On a wall of
 * several windows the one worked drives the others (WallReplayLink). Needs the hub's store:
 * without a grant the bar says so. `body[data-wall-replay]`: on | off.
 */
export class WallReplayFeature implements Feature {
  readonly name = 'wallReplay';
  private readonly bar = document.createElement('section');
  private readonly banner = document.createElement('div');
  private readonly button = document.createElement('button');
  private signs: LiveSigns | null = null;
  private replay: HubReplay | null = null;
  private panel: ReplayPanel | null = null;
  private readonly offs: Array<() => void> = [];
  private link: WallReplayLink | null = null;

  constructor(private readonly view: WallViewPort, private readonly live: LiveSignsFeature, private readonly command: WallCommandFeature) {}

  /** Someone works this window: it drives the wall's other windows. */
  private worked(): void {
    if (this.link) this.link.driving = true;
  }

  init(host: FeatureHost): void {
    this.bar.className = 'wall-replay';
    this.bar.setAttribute('aria-label', 'Replay of the last 24 hours');
    this.bar.hidden = true;
    this.banner.className = 'wall-replay-banner';
    this.banner.hidden = true;
    this.button.type = 'button';
    this.button.id = 'wall-replay';
    this.button.textContent = 'Replay';
    this.button.title = 'Replay the last 24 h from the hub\'s store (key R)';
    this.button.setAttribute('aria-pressed', 'false');
    this.button.addEventListener('click', () => this.toggle(host));
    this.bar.addEventListener('keydown', (e) => this.onKey(host, e));
    document.body.append(this.banner, this.bar);
    host.addControl(this.button);
    this.offs.push(host.shortcuts.add('r', 'Replay the last 24 h / back to live', this.name, () => this.toggle(host)));
    for (const [key, what] of [['← →', 'a minute back / forward'], ['Page Up / Down', 'an hour'], ['Space', 'play / pause'], ['Esc', 'back to live']]) host.shortcuts.describe(key, what, this.name, 'wall replay');
    host.announce('wallReplay', 'off');
    const l = this.view.wall.layout;
    if (l.cols * l.rows > 1) {
      this.link = new WallReplayLink(this.view.wall.wallName, {
        at: (t) => { if (this.bar.hidden) this.start(host); this.replay?.pause(); void this.replay?.seek(t); },
        live: () => this.stop(host),
      });
    }
    this.live.whenLive((signs) => {
      this.signs = signs;
      this.offs.push(signs.hub.events.subscribe('side', () => { if (this.replay) this.stop(host); }));
    });
  }

  private toggle(host: FeatureHost): void {
    this.worked();
    if (this.bar.hidden) this.start(host);
    else this.stop(host);
  }

  /** Keys of the bar: Esc or R back to live, Space plays or pauses (the slider keeps its arrows and Page keys). */
  private onKey(host: FeatureHost, e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape' || e.key === 'r' || e.key === 'R') { e.preventDefault(); e.stopPropagation(); this.worked(); this.stop(host); }
    else if (e.key === ' ' && (e.target as HTMLElement).tagName === 'INPUT' && this.replay) {
      e.preventDefault();
      this.worked();
      if (this.replay.playing) this.replay.pause(); else this.replay.play();
    }
  }

  private start(host: FeatureHost): void {
    const side = this.signs?.hub.side;
    this.bar.hidden = false;
    this.button.setAttribute('aria-pressed', 'true');
    host.announce('wallReplay', 'on');
    if (!side) {
      this.bar.replaceChildren(heading('Replay needs the operations hub\'s store: open the wall with feed=on on a browser logged in to the hub. Esc or R closes this.'));
      this.bar.tabIndex = -1;
      this.bar.focus();
      return;
    }
    const replay = (this.replay = new HubReplay(side.history));
    this.bar.replaceChildren(heading('Replay · last 24 h from the hub\'s store'));
    this.panel = new ReplayPanel(this.bar, {
      onSeek: (t) => { this.worked(); replay.pause(); void replay.seek(t); },
      onPlay: (speed) => { this.worked(); replay.play(speed); },
      onPause: () => { this.worked(); replay.pause(); },
      onLive: () => { this.worked(); this.stop(host); },
    });
    replay.events.subscribe('state', (s) => this.show(host, s));
    replay.events.subscribe('error', (e) => { this.panel?.showError(e.message); this.showBanner(e.atMs); });
    replay.events.subscribe('playing', (p) => this.panel?.setPlaying(p.playing));
    this.signs!.holdAlertMarkers(true);
    host.expose('replay', replay);
    this.showBanner(replay.atMs);
    this.bar.querySelector<HTMLInputElement>('input[type="range"]')?.focus();
    void replay.seek(replay.atMs);
  }

  /** A replayed moment: the bar, the banner, the command panels and the alert markers of then. */
  private show(host: FeatureHost, s: ReplayState): void {
    this.panel?.showState(s);
    const { label } = this.showBanner(s.atMs);
    this.command.replay(s, label);
    const sensors = this.signs!.store.sensors;
    host.overlay.set(LAYER, alertingSensorLayer(sensors, new Map(s.alerts.map((a) => [a.sensorId, `${alertText(a, 'en').title} (replay)`]))));
    host.announce('replay', String(s.atMs));
    this.link?.post(s.atMs);
  }

  private showBanner(atMs: number): { label: string; detail: string } {
    const b = replayBanner(atMs, Date.now());
    const big = document.createElement('strong'), small = document.createElement('span');
    big.textContent = b.label;
    small.textContent = b.detail;
    this.banner.replaceChildren(big, small);
    this.banner.hidden = false;
    return b;
  }

  private stop(host: FeatureHost): void {
    const was = this.replay !== null;
    this.replay?.dispose();
    this.panel?.dispose();
    this.replay = null;
    this.panel = null;
    this.bar.hidden = this.banner.hidden = true;
    this.bar.replaceChildren();
    this.button.setAttribute('aria-pressed', 'false');
    host.overlay.remove(LAYER);
    if (was) { this.command.replay(null); this.signs?.holdAlertMarkers(false); }
    host.announce('wallReplay', 'off');
    host.announce('replay', 'live');
    this.link?.post(null);
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.link?.dispose();
    this.replay?.dispose();
    this.panel?.dispose();
    this.bar.remove();
    this.banner.remove();
    this.button.remove();
  }
}

function heading(text: string): HTMLElement {
  const h = document.createElement('h2');
  h.textContent = text;
  return h;
}
