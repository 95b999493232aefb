/**
 * The feed's server-side configuration (config/signs/feed.json): listeners, limits, roles and their
 * broker rights, what a display subscribes to, the simulator. It holds no secret (accounts and
 * password hashes live in the data folder, see AccountStore) and is read with `fs` by node code
 * only: browser code never imports it, so none of it reaches the bundle (the dev server refuses it too).
 */

/** What an account of a role may do on the broker. Filters may use {username}, {unit}, {city}. */
export interface BrokerRole {
  publish: string[];
  subscribe: string[];
  /** Topic filters it may publish retained messages to (sensors' last values, the hub's state); [] for none. */
  retain: string[];
  /** Whether a person of this role may log in on a display (false for service roles). */
  display: boolean;
}

/** Bounds the broker enforces (bytes, counts, milliseconds). */
export interface BrokerLimits {
  /** Largest packet before the CONNECT is accepted (the CONNECT with its token), bytes. */
  maxConnectBytes: number;
  /** Largest packet after login, bytes. */
  maxPacketBytes: number;
  /** Largest retained message payload, bytes. */
  maxRetainedBytes: number;
  /** Retained topics held at most (a new one beyond this is refused; updates still pass). */
  maxRetainedMessages: number;
  /** Open connections at most, in all and from one address. */
  maxConnections: number;
  maxConnectionsPerAddress: number;
  /** A connection that has not sent a valid CONNECT within this is closed (ms). */
  connectTimeoutMs: number;
}

export interface FeedConfig {
  broker: { host: string; tcpPort: number; wsPort: number; wsPath: string };
  /**
   * The feed address handed to displays: a path ("/mqtt", same origin, proxied by the web server)
   * or a full ws:// or wss:// URL. Origins allowed on the WebSocket listener and the session API:
   * `allowedOrigins` exactly, or any origin equal to the request's Host when that host's name is in
   * `allowedHosts` (what a same-origin proxy forwards).
   */
  http: { publicFeedUrl: string; allowedOrigins: string[]; allowedHosts: string[] };
  limits: BrokerLimits;
  /** Lifetime of a broker token (s); the broker closes a connection when its token expires. */
  tokens: { ttlS: number };
  roles: Record<string, BrokerRole>;
  display: { topics: string[]; qos: 0 | 1 };
  /** rateHz 0 = the registry's natural rate (every sensor at its kind's interval). */
  simulator: { account: string; seed: number; rateHz: number; tickHz: number; anomalyIntervalS: number };
}
