import { openCityPackage } from '../pipeline/package/openCityPackage';
import { defaultFeedConfig, type FeedConfig } from '../signs/connection/FeedConfig';
import { cityRegistry } from '../signs/registry/cityRegistry';
import type { SensorRegistry } from '../signs/registry/SensorInfo';
import type { ActiveAnomaly } from './AnomalyField';
import type { AnomalySpec } from './AnomalySpec';
import { EmbeddedBroker } from './EmbeddedBroker';
import { SensorSimulator } from './SensorSimulator';

export interface StartFeedOptions {
  /** MQTT TCP port (default from config/signs/feed.json; 0 = any free port). */
  port?: number;
  /** MQTT over WebSocket port (same defaults). */
  wsPort?: number;
  /** Readings per second over the whole registry; 0 = natural rate (each kind at its interval). */
  rateHz?: number;
  /** Simulator seed (default from the config). */
  seed?: number;
  /** The city package whose sensors are simulated (a folder under tilesets/, default demo). */
  city?: string;
  /** Feed config (default config/signs/feed.json). */
  config?: FeedConfig;
  /** A registry to use instead of the city package's. */
  registry?: SensorRegistry;
  /** Run the broker only (no simulator). */
  simulate?: boolean;
  /** Reuse a stopped feed's broker persistence (sessions and queued QoS 1 survive a restart). */
  persistence?: unknown;
}

/** A running feed. */
export interface Feed {
  urls: { tcp: string; ws: string };
  registry: SensorRegistry;
  /** Interval multiplier the display should use for staleness (SignsStore intervalScale). */
  intervalScale: number;
  broker: EmbeddedBroker;
  simulator: SensorSimulator | null;
  /** Injects an anomaly (see AnomalySpec); throws when there is no simulator. */
  triggerAnomaly(spec: AnomalySpec): ActiveAnomaly;
  /** Ends one anomaly or all of them; returns how many. */
  clearAnomalies(id?: string): number;
  /** Stops the simulator, then the broker. Safe twice. */
  stop(): Promise<void>;
}

/**
 * Starts the embedded feed for `npm start` and browser tests: an aedes broker with TCP and
 * WebSocket listeners on localhost, and the sensor simulator publishing the city package's registry
 * (its sensors.json, or sensors placed by the simulator's rules when it lists none) to
 * city/<city>/<district>/<kind>/<id>.
 */
export async function startFeed(opts: StartFeedOptions = {}): Promise<Feed> {
  const cfg = opts.config ?? defaultFeedConfig();
  const registry = opts.registry ?? await cityRegistry(await openCityPackage(opts.city ?? 'demo'));
  const broker = await EmbeddedBroker.start({
    host: cfg.broker.host, tcpPort: opts.port ?? cfg.broker.tcpPort, wsPort: opts.wsPort ?? cfg.broker.wsPort,
    wsPath: cfg.broker.wsPath, accounts: cfg.accounts, persistence: opts.persistence,
  });
  let simulator: SensorSimulator | null = null;
  if (opts.simulate !== false) {
    const sensor = cfg.accounts.sensor;
    simulator = new SensorSimulator({
      registry, url: broker.urls.tcp, username: sensor.username, password: sensor.password,
      seed: opts.seed ?? cfg.simulator.seed, rateHz: opts.rateHz ?? cfg.simulator.rateHz,
      tickHz: cfg.simulator.tickHz, anomalyIntervalS: cfg.simulator.anomalyIntervalS,
    });
    try {
      await simulator.start();
    } catch (err) {
      await broker.stop();
      throw err;
    }
  }
  let stopped = false;
  return {
    urls: broker.urls, registry, broker, simulator, intervalScale: simulator?.intervalScale ?? 1,
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
