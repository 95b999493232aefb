import type { HubSide } from '../../../hub/client/HubLink';
import { HubReplay } from '../../../hub/client/HubReplay';
import { alertText } from '../../../ui/signs/alertText';
import { ReplayPanel } from '../../../ui/signs/ReplayPanel';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import type { LiveSigns, LiveSignsFeature } from '../liveSigns/LiveSignsFeature';
import { followHubSide } from '../liveSigns/hubSideSection';
import { alertingSensorLayer } from '../liveSigns/sensorMarkerLayers';

const LAYER = 'replay:alerts';

/**
 * Replay of the last 24 h from the operations hub's store (section "Replay", Operate tab): a time
 * slider and Play at speed; the alerts open at that moment show on the map (pulsing markers, as
 * live ones do) and in the panel with the city's vital signs then. Needs the hub: without a grant
 * the section says so. `window.twin.replay` for tests.
 */
export class ReplayFeature implements Feature {
  readonly name = 'replay';
  private replay: HubReplay | null = null;
  private panel: ReplayPanel | null = null;
  private off: () => void = () => {};

  constructor(private readonly live: LiveSignsFeature) {}

  init(host: FeatureHost): void {
    const slot = host.slot('replay', 'Replay (24 h)');
    if (!slot) return;
    this.off = followHubSide(this.live, slot, {
      waiting: 'Replay reads the operations hub\'s store: log in for the live feed to use it.',
      noGrant: 'Replay needs the operations hub, and this log-in has no hub grant for this city.',
    }, (side, signs) => this.attach(host, slot, side, signs));
  }

  private attach(host: FeatureHost, slot: HTMLElement, side: HubSide | null, signs: LiveSigns): void {
    this.detach(host);
    if (!side) return;
    const replay = (this.replay = new HubReplay(side.history));
    const sensors = signs.store.sensors;
    const panel = (this.panel = new ReplayPanel(slot, {
      onSeek: (t) => { replay.pause(); void replay.seek(t); },
      onPlay: (speed) => replay.play(speed),
      onPause: () => replay.pause(),
      onLive: () => { replay.pause(); host.overlay.remove(LAYER); host.announce('replay', 'live'); },
    }));
    replay.events.subscribe('state', (s) => {
      panel.showState(s);
      host.overlay.set(LAYER, alertingSensorLayer(sensors, new Map(s.alerts.map((a) => [a.sensorId, `${alertText(a, 'en').title} (replay)`]))));
      host.announce('replay', String(s.atMs));
    });
    replay.events.subscribe('error', (e) => panel.showError(e.message));
    replay.events.subscribe('playing', (p) => panel.setPlaying(p.playing));
    host.expose('replay', replay);
  }

  private detach(host: FeatureHost): void {
    this.replay?.dispose();
    this.panel?.dispose();
    this.replay = null;
    this.panel = null;
    host.overlay.remove(LAYER);
  }

  dispose(): void {
    this.off();
    this.replay?.dispose();
    this.panel?.dispose();
  }
}
