import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrokerLimits, BrokerRole, FeedConfig } from './FeedConfig';

type Obj = Record<string, unknown>;

/** The shipped config file. */
export const FEED_CONFIG_PATH = join(import.meta.dirname, '../../../config/signs/feed.json');

function bad(source: string, path: string, expected: string, got: unknown): never {
  throw new Error(`${source}: ${path}: expected ${expected}, got ${JSON.stringify(got) ?? 'nothing'}`);
}

function obj(v: unknown, source: string, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(source, path, 'an object', v);
  return v as Obj;
}

function port(o: Obj, k: string, source: string, path: string): number {
  const v = o[k];
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 65535) bad(source, `${path}.${k}`, 'a port 0..65535 (0 = any free port)', v);
  return v as number;
}

function strings(o: Obj, k: string, source: string, path: string, allowEmptyList = true): string[] {
  const v = o[k];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s === '') || (!allowEmptyList && v.length === 0)) bad(source, `${path}.${k}`, 'an array of non-empty strings', v);
  return v as string[];
}

function num(o: Obj, k: string, source: string, path: string, min: number, integer = false): number {
  const v = o[k];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || (integer && !Number.isInteger(v))) bad(source, `${path}.${k}`, `${integer ? 'an integer' : 'a number'} >= ${min}`, v);
  return v;
}

function parseLimits(o: Obj, source: string): BrokerLimits {
  const p = 'limits', n = (k: string, min: number) => num(o, k, source, p, min, true);
  const limits: BrokerLimits = {
    maxConnectBytes: n('maxConnectBytes', 256), maxPacketBytes: n('maxPacketBytes', 1024), maxRetainedBytes: n('maxRetainedBytes', 0),
    maxRetainedMessages: n('maxRetainedMessages', 0), maxConnections: n('maxConnections', 1), maxConnectionsPerAddress: n('maxConnectionsPerAddress', 1),
    connectTimeoutMs: n('connectTimeoutMs', 100),
  };
  if (limits.maxRetainedBytes > limits.maxPacketBytes) bad(source, 'limits.maxRetainedBytes', `at most maxPacketBytes (${limits.maxPacketBytes})`, limits.maxRetainedBytes);
  return limits;
}

function parseRoles(o: Obj, source: string): Record<string, BrokerRole> {
  const roles: Record<string, BrokerRole> = {};
  for (const [name, r] of Object.entries(o)) {
    const ro = obj(r, source, `roles.${name}`);
    if (typeof ro.display !== 'boolean') bad(source, `roles.${name}.display`, 'true or false', ro.display);
    roles[name] = { publish: strings(ro, 'publish', source, `roles.${name}`), subscribe: strings(ro, 'subscribe', source, `roles.${name}`), retain: strings(ro, 'retain', source, `roles.${name}`), display: ro.display };
  }
  if (!Object.keys(roles).length) bad(source, 'roles', 'at least one role', o);
  return roles;
}

/** Validates a feed config; throws naming `source`, the field and the expected value. */
export function parseFeedConfig(data: unknown, source = 'config/signs/feed.json'): FeedConfig {
  const root = obj(data, source, '(root)');
  if (root.version !== 2) bad(source, 'version', '2 (accounts moved to the data folder; see README "Security")', root.version);
  const b = obj(root.broker, source, 'broker');
  if (typeof b.host !== 'string' || !b.host) bad(source, 'broker.host', 'a host name', b.host);
  if (typeof b.wsPath !== 'string' || !b.wsPath.startsWith('/')) bad(source, 'broker.wsPath', 'a path starting with /', b.wsPath);
  const h = obj(root.http, source, 'http');
  if (typeof h.publicFeedUrl !== 'string' || !/^(\/|wss?:\/\/)/.test(h.publicFeedUrl)) bad(source, 'http.publicFeedUrl', 'a path (/mqtt) or a ws:// or wss:// URL', h.publicFeedUrl);
  const roles = parseRoles(obj(root.roles, source, 'roles'), source);
  const d = obj(root.display, source, 'display');
  if (d.qos !== 0 && d.qos !== 1) bad(source, 'display.qos', '0 or 1', d.qos);
  const s = obj(root.simulator, source, 'simulator');
  if (!Number.isInteger(s.seed)) bad(source, 'simulator.seed', 'an integer', s.seed);
  if (typeof s.account !== 'string' || !s.account) bad(source, 'simulator.account', 'the account name the simulator publishes as', s.account);
  const t = obj(root.tokens, source, 'tokens');
  return {
    broker: { host: b.host, tcpPort: port(b, 'tcpPort', source, 'broker'), wsPort: port(b, 'wsPort', source, 'broker'), wsPath: b.wsPath },
    http: { publicFeedUrl: h.publicFeedUrl, allowedOrigins: strings(h, 'allowedOrigins', source, 'http'), allowedHosts: strings(h, 'allowedHosts', source, 'http') },
    limits: parseLimits(obj(root.limits, source, 'limits'), source),
    tokens: { ttlS: num(t, 'ttlS', source, 'tokens', 10) },
    roles,
    display: { topics: strings(d, 'topics', source, 'display', false), qos: d.qos },
    simulator: {
      account: s.account, seed: s.seed as number, rateHz: num(s, 'rateHz', source, 'simulator', 0),
      tickHz: num(s, 'tickHz', source, 'simulator', 0.1), anomalyIntervalS: num(s, 'anomalyIntervalS', source, 'simulator', 0.1),
    },
  };
}

/** Reads and validates a feed config file (default: the shipped config/signs/feed.json). */
export function loadFeedConfig(path = FEED_CONFIG_PATH): FeedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${path}: cannot read the feed config (${(err as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: not JSON (${(err as Error).message})`);
  }
  return parseFeedConfig(data, path);
}
