import { Cesium3DTileStyle, Color, type Cesium3DTileFeature } from 'cesium';
import type { DemGrid } from '../geo/DemGrid';
import { SignsConnection } from '../signs/connection/SignsConnection';
import { defaultFeedConfig } from '../signs/connection/FeedConfig';
import type { SensorRegistry } from '../signs/registry/SensorInfo';
import { cityTopicFilter } from '../signs/topics';
import type { UnitRecord } from '../signs/units/UnitIndex';
import { defaultRules } from '../signs/rules/defaultRules';
import { SENSOR_KINDS, SENSOR_KIND_SPECS, type SensorKind } from '../signs/schema/sensorKinds';
import { SignsStore } from '../signs/SignsStore';
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
  /** ws://host:port/mqtt of the feed's broker. */
  feedUrl: string;
  /** The city's sensor registry and spatial units (from its package: see cityRegistry). */
  registry: SensorRegistry;
  units: readonly UnitRecord[];
}

/** The live vital signs in the workspace, as `window.twin.signs` exposes them. */
export interface LiveSigns {
  store: SignsStore;
  connection: SignsConnection;
  /** Colour buildings by their grid cell's indicator of a kind (null: stop). */
  colourBy(kind: SensorKind | null): void;
  dispose(): void;
}

/** A fixed client id per browser (kept in localStorage) so the broker keeps this display's session. */
function displayClientId(base: string): string {
  const key = 'rongcheng.display.clientId';
  let id = localStorage.getItem(key);
  if (!id) {
    id = `${base}-${Math.random().toString(36).slice(2, 10)}`;
    localStorage.setItem(key, id);
  }
  return id;
}

/**
 * Connects the workspace to the live feed: sensor registry and store, MQTT connection (read-only
 * display account, QoS 1, persistent session), alert list with fly-to, connection badge, sensor
 * markers (click one for its last hour), and building colouring by a live indicator.
 */
export function startSigns(s: SignsStart): LiveSigns {
  const cfg = defaultFeedConfig();
  const { registry } = s;
  const store = new SignsStore({ registry, units: s.units, rules: defaultRules() });
  store.start(500);
  const display = cfg.accounts.display;
  const connection = new SignsConnection(
    { url: s.feedUrl, clientId: displayClientId(cfg.display.clientId), username: display.username, password: display.password, topics: [cityTopicFilter(registry.city)], qos: 1 },
    (topic, payload) => store.ingest(topic, payload),
  );
  connection.connect();
  const badge = new ConnectionBadge(s.statusBar, connection, 'en');
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
  return {
    store, connection, colourBy,
    dispose: () => { offAlert(); offTick(); chart?.dispose(); alerts.dispose(); badge.dispose(); markers.dispose(); connection.dispose(); store.dispose(); },
  };
}
