import { openCityPackage } from '../pipeline/package/openCityPackage';
import { cityRegistry } from '../signs/registry/cityRegistry';
import type { SensorRegistry } from '../signs/registry/SensorInfo';
import { Authority } from '../server/Authority';
import { DEFAULT_DATA_DIR } from '../server/dataDir';
import { apiHandler, type ApiRoute } from '../server/http/apiHandler';
import { SessionApi } from '../server/http/SessionApi';
import type { ActiveAnomaly } from './AnomalyField';
import type { AnomalySpec } from './AnomalySpec';
import type { FeedConfig } from './config/FeedConfig';
import { loadFeedConfig } from './config/parseFeedConfig';
import { EmbeddedBroker } from './EmbeddedBroker';
import { SensorSimulator } from './SensorSimulator';

export interface StartFeedOptions {
  /** MQTT TCP port (default from config/signs/feed.json; 0 = any free port). */
  port?: number;
  /** MQTT over WebSocket port, which also serves the session API (same defaults). */
  wsPort?: number;
  /** Readings per second over the whole registry; 0 = natural rate (each kind at its interval). */
  rateHz?: number;
  /** Simulator seed (default from the config). */
  seed?: number;
  /** The city package whose sensors are simulated (a folder under tilesets/, default demo). */
  city?: string;
  /** Feed config (default config/signs/feed.json). */
  config?: FeedConfig;
  /** The server's private data folder: accounts, token key (default .data/). */
  dataDir?: string;
  /** The city's root unit id (the tier 'city' accounts answer for); default the package's city-level unit. */
  cityUnitId?: string;
  /** A registry to use instead of the city package's. */
  registry?: SensorRegistry;
  /** Run the broker only (no simulator). */
  simulate?: boolean;
  /** Reuse a stopped feed's broker persistence (sessions and queued QoS 1 survive a restart). */
  persistence?: unknown;
  /** More HTTP APIs served beside the session API on the WebSocket port (e.g. the hub's). */
  routes?: ApiRoute[];
}

/** A running feed. */
export interface Feed {
  urls: { tcp: string; ws: string; http: string };
  registry: SensorRegistry;
  /** Interval multiplier the display should use for staleness (SignsStore intervalScale). */
  intervalScale: number;
  broker: EmbeddedBroker;
  authority: Authority;
  session: SessionApi;
  /** The city's root unit id (what city-tier accounts answer for). */
  cityUnitId: string;
  config: FeedConfig;
  /** Serves another API on the feed's HTTP port from now on (the hub's history API). */
  addRoute(route: ApiRoute): void;
  simulator: SensorSimulator | null;
  /** Injects an anomaly (see AnomalySpec); throws when there is no simulator. */
  triggerAnomaly(spec: AnomalySpec): ActiveAnomaly;
  /** Ends one anomaly or all of them; returns how many. */
  clearAnomalies(id?: string): number;
  /** Stops the simulator, then the broker. Safe twice. */
  stop(): Promise<void>;
}

/** Makes sure the simulator's service account exists (token-only: it runs in this process). */
async function ensureServiceAccount(authority: Authority, username: string, unitId: string): Promise<void> {
  if (authority.accounts.get(username)) return;
  await authority.accounts.add({ username, displayName: 'Sensor simulator', kind: 'service', role: 'sensor', tier: 'city', unitId, password: null });
}

/**
 * Starts the embedded feed for `npm start` and tests: an aedes broker with TCP and WebSocket
 * listeners on localhost, the session API on the WebSocket port (login, feed address and token),
 * and the sensor simulator publishing the city package's registry (its sensors.json, or sensors
 * placed by the simulator's rules when it lists none) to city/<city>/<district>/<kind>/<id> as the
 * `sensor` service account. Role filters' {city} is the package's name.
 */
export async function startFeed(opts: StartFeedOptions = {}): Promise<Feed> {
  const cfg = opts.config ?? loadFeedConfig();
  const pkg = opts.registry && opts.cityUnitId ? null : await openCityPackage(opts.registry?.city ?? opts.city ?? 'demo');
  const registry = opts.registry ?? await cityRegistry(pkg!);
  const cityUnitId = opts.cityUnitId ?? (await pkg!.units()).find((u) => u.level === 'city')?.id ?? registry.city;
  const authority = new Authority({ dataDir: opts.dataDir ?? DEFAULT_DATA_DIR, roles: cfg.roles, cityId: registry.city, tokenTtlS: cfg.tokens.ttlS });
  const origins = { allowedOrigins: cfg.http.allowedOrigins, allowedHosts: cfg.http.allowedHosts };
  const topics = cfg.display.topics.map((t) => t.replaceAll('{city}', registry.city));
  const session = new SessionApi({ authority, origins, feed: { url: cfg.http.publicFeedUrl, topics, qos: cfg.display.qos } });
  const routes: ApiRoute[] = [(req, res) => session.handle(req, res), ...(opts.routes ?? [])];
  const broker = await EmbeddedBroker.start({
    host: cfg.broker.host, tcpPort: opts.port ?? cfg.broker.tcpPort, wsPort: opts.wsPort ?? cfg.broker.wsPort,
    wsPath: cfg.broker.wsPath, authority, limits: cfg.limits, origins, persistence: opts.persistence,
    http: apiHandler(routes),
  });
  let simulator: SensorSimulator | null = null;
  if (opts.simulate !== false) {
    const account = cfg.simulator.account;
    try {
      await ensureServiceAccount(authority, account, cityUnitId);
      const suffix = `simulator-${opts.seed ?? cfg.simulator.seed}`;
      simulator = new SensorSimulator({
        registry, url: broker.urls.tcp, username: account, clientId: authority.credentials(account, suffix).clientId,
        password: () => authority.credentials(account, suffix).password,
        seed: opts.seed ?? cfg.simulator.seed, rateHz: opts.rateHz ?? cfg.simulator.rateHz,
        tickHz: cfg.simulator.tickHz, anomalyIntervalS: cfg.simulator.anomalyIntervalS,
      });
      await simulator.start();
    } catch (err) {
      await simulator?.stop();
      await broker.stop();
      throw err;
    }
  }
  let stopped = false;
  const httpUrl = broker.urls.ws.replace(/^ws:/, 'http:').replace(/\/[^/]*$/, '');
  return {
    urls: { ...broker.urls, http: httpUrl }, registry, broker, authority, session, cityUnitId, config: cfg, simulator, intervalScale: simulator?.intervalScale ?? 1,
    addRoute: (route) => { routes.push(route); },
    triggerAnomaly(spec) {
      if (!simulator) throw new Error('triggerAnomaly: this feed runs without a simulator (simulate: false)');
      return simulator.trigger(spec);
    },
    clearAnomalies: (id) => simulator?.clear(id) ?? 0,
    async stop() {
      if (stopped) return;
      stopped = true;
      await simulator?.stop();
      await broker.stop();
    },
  };
}
