import type { HubSide } from '../../../hub/client/HubLink';
import type { ReplayState } from '../../../hub/client/HubReplay';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import type { LiveSigns, LiveSignsFeature } from '../liveSigns/LiveSignsFeature';
import type { WallViewPort } from '../../views/startWallView';
import { WallCommandBoard } from './WallCommandBoard';
import type { PublishedIncident } from '../../../hub/incidents/IncidentService';
import { incidentSceneLayer, vehicleLayer } from '../incidents/incidentLayers';

/**
 * The commander's wall: panels around the 3D city with the city's vital signs (value, state colour,
 * 24 h sparkline), open alerts by severity per district and for the city, and a ticker of events,
 * all read from the operations hub (the wall holds no rules). On a multi-window wall the first
 * column's top window shows the vital signs, the last column's the alert counts, the bottom-left
 * the ticker. Without the live feed (`feed=on`) or a hub grant, a caption line says why there are none.
 */
export class WallCommandFeature implements Feature {
  readonly name = 'wallCommand';
  private board: WallCommandBoard | null = null;
  private readonly note = document.createElement('div');
  private off: () => void = () => {};

  constructor(private readonly view: WallViewPort, private readonly live: LiveSignsFeature) {}

  init(host: FeatureHost): void {
    this.note.className = 'wall-caption-line';
    this.say('Command panels: the live feed is off (open the wall with feed=on and log in on the workspace).');
    this.view.captions.append(this.note);
    this.live.whenLive((signs) => {
      this.say('Command panels: waiting for the operations hub…');
      this.off = signs.hub.events.subscribe('side', (side) => this.attach(host, side, signs));
      this.attach(host, signs.hub.side, signs);
    });
  }

  private say(text: string | null): void {
    this.note.textContent = text ?? '';
    this.note.hidden = text === null;
  }

  private attach(host: FeatureHost, side: HubSide | null, signs: LiveSigns): void {
    this.board?.dispose();
    this.board = null;
    if (!side) { this.say('Command panels: this log-in has no operations hub grant for this city.'); return; }
    this.say(null);
    const l = this.view.wall.layout;
    const places = { vitals: l.col === 0 && l.row === 0, alerts: l.col === l.cols - 1 && l.row === 0, ticker: l.col === 0 && l.row === l.rows - 1 };
    this.board = new WallCommandBoard(document.body, places, side, signs.store.units, {
      incidents: (open) => host.overlay.set('incidents:scenes', incidentSceneLayer(open)),
      vehicles: (v) => host.overlay.set('incidents:vehicles', vehicleLayer(v)),
      incidentAdded: (i) => this.interruptTour(i),
    });
    host.expose('command', this.board);
  }

  /** Shows a replayed moment on the panels (tagged `label`), or live again with null. */
  replay(state: ReplayState | null, label = ''): void {
    this.board?.replay(state, label);
  }

  /** A new high or critical incident: the running tour flies there first (its marker pulses), then goes on. */
  private interruptTour(i: PublishedIncident): void {
    if (i.severity !== 'high' && i.severity !== 'critical') return;
    const wall = this.view.wall;
    if (!wall.tour.running) return;
    wall.startTour([{ name: `Incident ${i.id}: ${i.title}`, kind: 'alert', lonDeg: i.lonLat[0], latDeg: i.lonLat[1], rangeM: 900, headingRad: 0, pitchRad: -0.6 }, ...this.view.stops()]);
    document.body.dataset.tourInterrupted = i.id;
  }

  dispose(): void {
    this.off();
    this.board?.dispose();
    this.note.remove();
  }
}
