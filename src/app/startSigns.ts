import { Cesium3DTileStyle, Color, type Cesium3DTileFeature } from 'cesium';
import type { DemGrid } from '../geo/DemGrid';
import { SessionClient } from '../auth/SessionClient';
import { tabId } from '../auth/tabId';
import { SessionFeed } from '../signs/connection/SessionFeed';
import type { SignsConnection } from '../signs/connection/SignsConnection';
import { demoSensorRegistry } from '../signs/registry/demoSensorRegistry';
import { defaultRules } from '../signs/rules/defaultRules';
import { SENSOR_KINDS, SENSOR_KIND_SPECS, type SensorKind } from '../signs/schema/sensorKinds';
import { SignsStore } from '../signs/SignsStore';
import { LoginPanel } from '../ui/login/LoginPanel';
import { AlertList } from '../ui/signs/AlertList';
import { ConnectionBadge } from '../ui/signs/ConnectionBadge';
import { SeriesChart } from '../ui/signs/SeriesChart';
import { indicatorColour, indicatorScale } from '../ui/signs/indicatorScales';
import type { Legend } from '../ui/Legend';
import type { CesiumWorkspace } from '../view/cesium/CesiumWorkspace';
import { SensorMarkers } from '../view/cesium/SensorMarkers';

export interface SignsStart {
  workspace: CesiumWorkspace;
  side: HTMLElement;
  statusBar: HTMLElement;
  legend: Legend;
  dem: DemGrid | null;
}

/** The live vital signs in the workspace, as `window.twin.signs` exposes them. */
export interface LiveSigns {
  store: SignsStore;
  /** The page's login (session API); the feed's address and token come from it. */
  session: SessionClient;
  /** The feed connection, null until logged in. */
  connection: SignsConnection | null;
  /** Colour buildings by their grid cell's indicator of a kind (null: stop). */
  colourBy(kind: SensorKind | null): void;
  dispose(): void;
}

/**
 * Connects the workspace to the live feed: sensor registry and store, MQTT connection (read-only
 * display account, QoS 1, persistent session), alert list with fly-to, connection badge, sensor
 * markers (click one for its last hour), and building colouring by a live indicator.
 */
export function startSigns(s: SignsStart): LiveSigns {
  const { city, registry } = demoSensorRegistry();
  const store = new SignsStore({ registry, units: city.units, rules: defaultRules() });
  store.start(500);
  const session = new SessionClient({ tabId: tabId(sessionStorage) });
  const feed = new SessionFeed(session, (topic, payload) => store.ingest(topic, payload), location.href);
  let badge: ConnectionBadge | null = null, login: LoginPanel | null = null;
  const offConnection = feed.events.subscribe('connection', (c) => {
    badge?.dispose();
    badge = c ? new ConnectionBadge(s.statusBar, c, 'en') : null;
    live.connection = c;
  });
  const offSession = session.events.subscribe('session', (info) => {
    if (!info && !login) login = new LoginPanel(s.side, session, { onLoggedIn: () => { login = null; } });
  });
  session.resume().catch((err: Error) => { s.statusBar.title = `Live feed unavailable: ${err.message}`; });
  const markers = new SensorMarkers(s.workspace.viewer, registry.sensors, s.dem);
  const alertHost = document.createElement('div');
  s.side.prepend(alertHost);
  const alerts = new AlertList(alertHost, store, {
    locale: 'en',
    onFlyTo: (a) => {
      const sensor = store.sensor(a.sensorId);
      if (sensor) s.workspace.lookAt(sensor.lonDeg, sensor.latDeg, s.dem?.sample(sensor.xM, sensor.yM) ?? 0, 900, -45);
      showChart(a.sensorId);
    },
  });
  let chart: SeriesChart | null = null;
  const chartHost = document.createElement('div');
  alertHost.after(chartHost);
  const showChart = (sensorId: string) => {
    chart?.dispose();
    chart = new SeriesChart(chartHost, store, { sensorId });
  };
  s.workspace.onPickId = (id) => { if (store.sensor(id)) showChart(id); };
  const offAlert = store.events.subscribe('alert', () => markers.setAlerting(new Set(store.openAlerts().map((a) => a.sensorId))));

  let liveKind: SensorKind | null = null;
  let liveVersion = -1;
  const gridIndex = (gridId: string) => store.units.indexOf(gridId);
  const offTick = store.events.subscribe('tick', () => {
    if (liveKind && store.indicators.version !== liveVersion && store.indicators.version % 4 === 0) {
      liveVersion = store.indicators.version;
      s.workspace.tilesets.buildings.makeStyleDirty();
      s.workspace.viewer.scene.requestRender();
    }
  });
  const colourBy = (kind: SensorKind | null) => {
    liveKind = kind;
    if (!kind) return;
    const scale = indicatorScale(kind);
    const k = SENSOR_KINDS.indexOf(kind);
    const style = new Cesium3DTileStyle();
    (style as unknown as { color: unknown }).color = {
      evaluateColor: (feature: Cesium3DTileFeature, result?: Color) => {
        // A grid cell without a sensor of this kind takes its community's (or street's...) value.
        const values = store.indicators.valuesOfKind(k);
        let u = gridIndex(String(feature.getProperty('gridId'))), v = NaN;
        while (u >= 0 && (v = values[u]) !== v) u = store.units.parents[u];
        return Color.fromCssColorString(indicatorColour(scale, v) ?? '#8a8f96', result);
      },
    };
    s.workspace.setStyle(style);
    s.legend.show({ ...scale, title: `${SENSOR_KIND_SPECS[kind].title} by grid cell` });
  };
  const live: LiveSigns = {
    store, session, connection: feed.connection, colourBy,
    dispose: () => {
      offAlert(); offTick(); offConnection(); offSession(); chart?.dispose(); alerts.dispose(); badge?.dispose(); login?.dispose();
      markers.dispose(); feed.dispose(); session.dispose(); store.dispose();
    },
  };
  return live;
}
