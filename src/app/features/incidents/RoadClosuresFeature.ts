import type { HubSide } from '../../../hub/client/HubLink';
import type { IncidentReply } from '../../../hub/incidents/IncidentDesk';
import { ClosurePanel, closureReplyText } from '../../../ui/incidents/ClosurePanel';
import { CLICK_PRIORITY } from '../../host/ClickRouter';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import { followHubSide } from '../liveSigns/hubSideSection';
import type { LiveSignsFeature } from '../liveSigns/LiveSignsFeature';
import { closureMarkerLayer, closureSegmentLayer } from './closureLayers';

const LAYERS = ['closures:segments', 'closures:markers'] as const;

/**
 * Road closures in the workspace (Operate tab, beside the incidents): close the road at a point
 * clicked on the map (R, or the button, then a click), close the roads the flood run shown on the
 * walls floods deeper than a depth, reopen any closure listed, and every closure drawn on the map.
 * The hub keeps them and re-routes the vehicles under way; the panel says which, with their ETAs.
 */
export class RoadClosuresFeature implements Feature {
  readonly name = 'roadClosures';
  private readonly offs: Array<() => void> = [];
  private sideOffs: Array<() => void> = [];
  private side: HubSide | null = null;
  private panel: ClosurePanel | null = null;
  /** The reason typed when a map click was armed; null: not armed. */
  private armed: string | null = null;

  constructor(private readonly live: LiveSignsFeature) {}

  init(host: FeatureHost): void {
    const slot = host.slot('roadClosures', 'Road closures');
    if (!slot) return;
    this.offs.push(followHubSide(this.live, slot, {
      waiting: 'Road closures are kept by the operations hub: log in for the live feed to see them.',
      noGrant: 'Road closures need the operations hub, and this log-in has no hub grant for this city.',
    }, (side) => {
      this.detach(host);
      if (side) this.attach(host, slot, side);
    }));
    this.offs.push(
      host.shortcuts.add('r', 'Close the road at the next point clicked on the map', this.name, () => this.arm(host, this.armed === null ? this.panel?.reasonText() ?? '' : null)),
      host.clicks.add(CLICK_PRIORITY.tool, (hit) => {
        if (this.armed === null || !hit.lonLat) return false;
        const reason = this.armed;
        this.armed = null;
        void this.closeAt(host, hit.lonLat, reason);
        return true;
      }),
    );
  }

  private attach(host: FeatureHost, slot: HTMLElement, side: HubSide): void {
    this.side = side;
    const panel = (this.panel = new ClosurePanel(slot, {
      arm: (reason) => this.arm(host, reason),
      reopen: (closureId) => this.send('reopen_road', { closureId }),
      closeFlooded: (run, depthM, reason) => this.send('close_flooded_roads', { run, depthM, ...(reason ? { text: reason } : {}) }),
    }));
    const draw = () => {
      const closures = side.state.closures?.closures ?? [];
      panel.show(closures, side.state.floodRun);
      host.overlay.set(LAYERS[0], closureSegmentLayer(closures));
      host.overlay.set(LAYERS[1], closureMarkerLayer(closures));
      host.announce('closures', String(closures.length));
    };
    this.sideOffs.push(side.state.events.subscribe('closures', draw), side.state.events.subscribe('floodRun', draw), () => panel.dispose());
    draw();
  }

  /** Arms (reason given) or disarms (null) the next map click. */
  private arm(host: FeatureHost, reason: string | null): void {
    this.armed = this.side?.commands ? reason : null;
    if (!this.side?.commands) host.status('This account may only view road closures.');
    else host.status(reason === null ? 'Road closure cancelled.' : 'Click the road to close (R again to cancel).');
  }

  private async closeAt(host: FeatureHost, lonLat: [number, number], reason: string): Promise<void> {
    this.panel?.say('Closing the road…', 'waiting');
    try {
      const r = await this.send('close_road', { lonLat, ...(reason ? { text: reason } : {}) });
      this.panel?.say(closureReplyText(r), 'ok');
      host.status(`Road closed (${r.closureId}).`);
    } catch (err) {
      this.panel?.say(`Refused: ${(err as Error).message}`, 'refused');
    }
  }

  private send(action: 'close_road' | 'reopen_road' | 'close_flooded_roads', fields: Parameters<NonNullable<HubSide['commands']>['incident']>[1]): Promise<IncidentReply> {
    const commands = this.side?.commands;
    return commands ? commands.incident(action, fields) : Promise.reject(new Error('this account may only view road closures'));
  }

  private detach(host: FeatureHost): void {
    for (const off of this.sideOffs.splice(0)) off();
    this.side = this.panel = null;
    this.armed = null;
    for (const id of LAYERS) host.overlay.remove(id);
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    for (const off of this.sideOffs.splice(0)) off();
  }
}
