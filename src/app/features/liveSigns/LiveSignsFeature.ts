import { defaultFeedConfig } from '../../../signs/connection/FeedConfig';
import { SignsConnection } from '../../../signs/connection/SignsConnection';
import { defaultRules } from '../../../signs/rules/defaultRules';
import { SENSOR_KIND_SPECS, type SensorKind } from '../../../signs/schema/sensorKinds';
import { SignsStore } from '../../../signs/SignsStore';
import { alertText } from '../../../ui/signs/alertText';
import { AlertList } from '../../../ui/signs/AlertList';
import { ConnectionBadge } from '../../../ui/signs/ConnectionBadge';
import { SeriesChart } from '../../../ui/signs/SeriesChart';
import { CLICK_PRIORITY } from '../../host/ClickRouter';
import type { SignsCity } from '../../host/CityContext';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import { displayClientId } from './displayClientId';
import { LiveColouring } from './LiveColouring';
import { alertingSensorLayer, quietSensorLayer } from './sensorMarkerLayers';

/** The live vital signs as `window.twin.signs` exposes them. */
export interface LiveSigns {
  store: SignsStore;
  connection: SignsConnection;
  /** Colour buildings by their grid cell's indicator of a kind (null: stop). */
  colourBy(kind: SensorKind | null): void;
  dispose(): void;
}

const LIVE_KINDS: SensorKind[] = ['rainfall', 'water_level', 'traffic_speed', 'air_quality', 'crowd_density', 'power_load'];

/**
 * Live vital signs in either view: the city's sensors over MQTT (read-only display account, QoS 1,
 * persistent session per display and tab), the alert list (workspace), the connection badge,
 * sensor markers and pulsing alert markers (overlay points: the wall's tour visits alerts), a
 * sensor's last hour in the detail drawer, and "Colour by" live indicators. URL: `feed=URL|none`.
 */
export class LiveSignsFeature implements Feature {
  readonly name = 'liveSigns';
  private live: LiveSigns | null = null;
  private readonly offs: Array<() => void> = [];

  init(host: FeatureHost): void {
    host.url.claim(this.name, 'feed');
    const param = host.url.get('feed');
    // The feed's WebSocket listener on this host (npm start runs it), `?feed=URL` to choose, `?feed=none` to go without.
    const feedUrl = param === 'none' ? null : (param ?? `ws://${location.hostname}:8083/mqtt`);
    const slot = host.slot('alerts', 'Alerts');
    for (const kind of LIVE_KINDS) {
      host.colours.add({
        id: `live:${kind}`, label: `${SENSOR_KIND_SPECS[kind].title} (${SENSOR_KIND_SPECS[kind].unitLabel})`, group: 'Live, by grid cell',
        unavailable: feedUrl ? 'connecting to the live feed…' : 'no live feed (feed=none)', apply: () => this.colour(kind),
      });
    }
    if (!feedUrl) { say(slot, 'No live feed: the page was opened with feed=none.'); return; }
    host.background(this.name, host.city.sensors().then((city) => {
      if (!city) { say(slot, `${host.city.manifest.title} has no sensor registry, so there are no live signs.`); markLive(host, 'no sensors in this city'); return; }
      this.start(host, city, feedUrl, slot);
    }));
  }

  private colouring: LiveColouring | null = null;
  private colour(kind: SensorKind): () => void {
    this.colouring?.show(kind);
    return () => this.colouring?.show(null);
  }

  private start(host: FeatureHost, city: SignsCity, feedUrl: string, slot: HTMLElement | null): void {
    const cfg = defaultFeedConfig(), display = cfg.accounts.display;
    const store = new SignsStore({ registry: city.registry, units: city.units, rules: defaultRules() });
    store.start(500);
    const connection = new SignsConnection(
      { url: feedUrl, clientId: displayClientId(cfg.display.clientId), username: display.username, password: display.password, topics: cfg.display.topics, qos: 1 },
      (topic, payload) => store.ingest(topic, payload),
    );
    connection.connect();
    const badge = new ConnectionBadge(document.querySelector('.statusbar') ?? document.body, connection, 'en');
    const colouring = (this.colouring = new LiveColouring(host, store));
    markLive(host, null);
    const sensors = city.registry.sensors;
    host.overlay.set('signs:sensors', quietSensorLayer(sensors));
    const chart = this.chart(host, store);
    const list = slot ? new AlertList(slot, store, { locale: 'en', onFlyTo: (a) => { this.locate(host, store, a.sensorId); chart(a.sensorId); } }) : null;
    const drawAlerts = () => host.overlay.set('signs:alerts', alertingSensorLayer(sensors, new Map(store.openAlerts().map((a) => [a.sensorId, alertText(a, 'en').title]))));
    this.offs.push(
      store.events.subscribe('alert', drawAlerts),
      store.events.subscribe('tick', () => colouring.refresh()),
      host.clicks.add(CLICK_PRIORITY.object, (hit) => { if (!hit.objectId || !store.sensor(hit.objectId)) return false; chart(hit.objectId); return true; }),
    );
    for (const [key, what] of [['↑ ↓', 'move between alerts'], ['Enter', 'locate the alert and open its chart'], ['A', 'acknowledge']]) host.shortcuts.describe(key, what, this.name, 'alert list');
    this.live = {
      store, connection, colourBy: (kind) => colouring.show(kind),
      dispose: () => { list?.dispose(); badge.dispose(); colouring.dispose(); connection.dispose(); store.dispose(); },
    };
    host.expose('signs', this.live);
  }

  /** Opens a sensor's last hour in the detail drawer (replacing the chart shown). */
  private chart(host: FeatureHost, store: SignsStore): (sensorId: string) => void {
    const box = document.createElement('div');
    let chart: SeriesChart | null = null;
    return (sensorId) => {
      chart?.dispose();
      chart = new SeriesChart(box, store, { sensorId });
      host.details?.show(this.name, `Sensor ${sensorId}`, box, () => { chart?.dispose(); chart = null; });
    };
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

