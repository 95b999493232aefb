import { SessionClient } from '../../../auth/SessionClient';
import { tabId } from '../../../auth/tabId';
import { SessionFeed } from '../../../signs/connection/SessionFeed';
import type { SignsConnection } from '../../../signs/connection/SignsConnection';
import { defaultRules } from '../../../signs/rules/defaultRules';
import { SENSOR_KIND_SPECS, type SensorKind } from '../../../signs/schema/sensorKinds';
import { SignsStore } from '../../../signs/SignsStore';
import type { AlertSource } from '../../../ui/signs/AlertList';
import { HubIndicatorValues } from '../../../hub/client/HubIndicatorValues';
import { HubLink } from '../../../hub/client/HubLink';
import { ConnectionBadge } from '../../../ui/signs/ConnectionBadge';
import { CLICK_PRIORITY } from '../../host/ClickRouter';
import type { SignsCity } from '../../host/CityContext';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import { LiveColouring, storeValues } from './LiveColouring';
import { AlertsView } from './AlertsView';
import { LoginGate } from './LoginGate';
import { SensorCharts } from './SensorCharts';
import { inScope, type UnitScope } from '../../../twin/scope/unitScope';
import { quietSensorLayer } from './sensorMarkerLayers';

/** The live vital signs as `window.twin.signs` exposes them. */
export interface LiveSigns {
  store: SignsStore;
  /** The page's login (session API): the feed's address, token and client id come from it. */
  session: SessionClient;
  /** The operations hub as this session grants it (`hub.side` null without a grant). */
  hub: HubLink;
  /** The alert book the list shows: the hub's shared one, or this page's store. */
  alerts(): AlertSource;
  /** Scopes the alert list and the sensor markers to a district or street (null: the whole city). */
  scope(scope: UnitScope | null): void;
  /** Opens a sensor's charts (last hour in this page, history from the hub) in the detail drawer. */
  chart(sensorId: string): void;
  /** The sensor charts (which one is open). */
  readonly charts: SensorCharts;
  /** Takes the live alert markers off the map while true (a replay shows its moment's). */
  holdAlertMarkers(hold: boolean): void;
  /** The feed connection, null while logged out. */
  readonly connection: SignsConnection | null;
  /** Colour buildings by their grid cell's indicator of a kind (null: stop). */
  colourBy(kind: SensorKind | null): void;
  dispose(): void;
}

const LIVE_KINDS: SensorKind[] = ['rainfall', 'water_level', 'traffic_speed', 'air_quality', 'crowd_density', 'power_load'];

/**
 * Live vital signs in either view: the city's sensors over MQTT as the logged-in person (QoS 1,
 * persistent session per tab; address, token and client id from the session API, the log-in form
 * in the alert section while logged out; a wall without a form follows the browser's log-in),
 * the alert list (workspace), the connection badge, sensor markers and pulsing alert markers
 * (overlay points: the wall's tour visits alerts), a sensor's last hour in the detail drawer, and
 * "Colour by" live indicators. URL: `feed=none` to go without.
 */
export class LiveSignsFeature implements Feature {
  readonly name = 'liveSigns';
  private live: LiveSigns | null = null;
  private readonly waiting: Array<(live: LiveSigns) => void> = [];
  private readonly offs: Array<() => void> = [];

  /** `defaultFeed`: connect to this host's feed when the URL names none (the workspace); the wall connects only when told. */
  constructor(private readonly defaultFeed = true) {}

  init(host: FeatureHost): void {
    host.url.claim(this.name, 'feed');
    const param = host.url.get('feed');
    // The feed's address and token come from the session API; `feed=none` goes without, `feed=on` asks for it where it is off by default (the wall).
    const feedOn = param !== 'none' && (param !== null || this.defaultFeed);
    const slot = host.slot('alerts', 'Alerts');
    for (const kind of LIVE_KINDS) {
      host.colours.add({
        id: `live:${kind}`, label: `${SENSOR_KIND_SPECS[kind].title} (${SENSOR_KIND_SPECS[kind].unitLabel})`, group: 'Live, by grid cell',
        unavailable: feedOn ? 'log in for the live feed…' : 'no live feed', apply: () => this.colour(kind),
      });
    }
    if (!feedOn) { say(slot, param === 'none' ? 'No live feed: the page was opened with feed=none.' : 'No live feed here: open the page with feed=on (it uses this browser\'s log-in).'); return; }
    host.background(this.name, host.city.sensors().then((city) => {
      if (!city) { say(slot, `${host.city.manifest.title} has no sensor registry, so there are no live signs.`); markLive(host, 'no sensors in this city'); return; }
      this.start(host, city, slot);
    }));
  }

  private colouring: LiveColouring | null = null;
  private colour(kind: SensorKind): () => void {
    this.colouring?.show(kind);
    return () => this.colouring?.show(null);
  }

  private start(host: FeatureHost, city: SignsCity, slot: HTMLElement | null): void {
    const store = new SignsStore({ registry: city.registry, units: city.units, rules: defaultRules() });
    store.start(500);
    const session = new SessionClient({ tabId: tabId(sessionStorage) });
    // Hub messages (shared alerts, indicators, command replies) go to the link; raw readings to this page's store.
    // With a hub grant the page subscribes to the hub's topics only (HubLink.topicsFor), and to a sensor's raw topic while its chart is open.
    const hub: HubLink = new HubLink(city.registry.city, (topic, payload): Promise<void> => (feed.connection ? feed.connection.publish(topic, payload) : Promise.reject(new Error('not connected to the feed'))));
    const offHub = session.events.subscribe('session', (info) => hub.follow(info));
    const feed: SessionFeed = new SessionFeed(session, (topic, payload) => { if (!hub.take(topic, payload)) store.ingest(topic, payload); }, location.href, (info) => hub.topicsFor(info));
    const badgeHost = document.querySelector<HTMLElement>('.statusbar') ?? document.body;
    let badge: ConnectionBadge | null = null;
    const colouring = (this.colouring = new LiveColouring(host, store));
    let hubValues: HubIndicatorValues | null = null;
    const followValues = () => { hubValues?.dispose(); hubValues = hub.side ? new HubIndicatorValues(hub.side.state, store.units) : null; colouring.use(hubValues ?? storeValues(store)); };
    const sensors = city.registry.sensors;
    host.overlay.set('signs:sensors', quietSensorLayer(sensors));
    const charts = new SensorCharts(host, this.name, store, hub, feed, city.registry.synthetic);
    const chart = (id: string) => charts.show(id);
    const alerts = new AlertsView(host, slot, store, hub, city.registry, (a) => { this.locate(host, store, a.sensorId); chart(a.sensorId); });
    const login = new LoginGate(session, slot, host);
    this.offs.push(
      feed.events.subscribe('connection', (c) => {
        badge?.dispose();
        badge = c ? new ConnectionBadge(badgeHost, c, 'en') : null;
        markLive(host, c ? null : 'log in for the live feed…');
      }),
      store.events.subscribe('tick', () => colouring.refresh()),
      hub.events.subscribe('side', followValues),
      host.clicks.add(CLICK_PRIORITY.object, (hit) => { if (!hit.objectId || !store.sensor(hit.objectId)) return false; chart(hit.objectId); return true; }),
    );
    for (const [key, what] of [['↑ ↓', 'move between alerts'], ['Enter', 'locate the alert and open its chart'], ['A', 'acknowledge']]) host.shortcuts.describe(key, what, this.name, 'alert list');
    followValues();
    session.resume().catch((err: Error) => host.status(`Live feed unavailable: ${err.message}`));
    this.live = {
      store, session, hub, chart, charts, alerts: () => alerts.active, holdAlertMarkers: (hold) => alerts.holdMarkers(hold),
      scope: (sc) => { alerts.setScope(sc); host.overlay.set('signs:sensors', quietSensorLayer(sensors.filter((x) => inScope(x, sc)))); }, colourBy: (kind) => colouring.show(kind),
      get connection() { return feed.connection; },
      dispose: () => { login.dispose(); alerts.dispose(); charts.close(); badge?.dispose(); colouring.dispose(); hubValues?.dispose(); offHub(); hub.dispose(); feed.dispose(); session.dispose(); store.dispose(); },
    };
    host.expose('signs', this.live);
    for (const fn of this.waiting.splice(0)) fn(this.live);
  }

  /** Calls `fn` with the live signs once they run (at once when they already do): features that read the feed. */
  whenLive(fn: (live: LiveSigns) => void): void {
    if (this.live) fn(this.live);
    else this.waiting.push(fn);
  }

  private locate(host: FeatureHost, store: SignsStore, sensorId: string): void {
    const s = store.sensor(sensorId);
    if (!s) return;
    void host.city.dem().then((dem) => host.view.lookAt(s.lonDeg, s.latDeg, dem?.sample(s.xM, s.yM) ?? 0, 900, -45));
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.live?.dispose();
    this.live = null;
  }
}

/** Makes the live colour choices available (null) or says why not. */
function markLive(host: FeatureHost, reason: string | null): void {
  for (const kind of LIVE_KINDS) host.colours.setUnavailable(`live:${kind}`, reason);
}

function say(slot: HTMLElement | null, text: string): void {
  if (!slot) return;
  const p = document.createElement('p');
  p.className = 'muted';
  p.textContent = text;
  slot.appendChild(p);
}

