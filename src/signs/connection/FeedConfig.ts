import feedJson from '../../../config/signs/feed.json';

/** One broker account: what it may publish and subscribe to (MQTT topic filters). */
export interface FeedAccount {
  username: string;
  password: string;
  publish: string[];
  subscribe: string[];
}

/** config/signs/feed.json, validated. */
export interface FeedConfig {
  broker: { host: string; tcpPort: number; wsPort: number; wsPath: string };
  /** Accounts by role: 'display' (read-only), 'sensor' (publishes readings), 'operator' (control topics). */
  accounts: Record<string, FeedAccount>;
  display: { clientId: string; topics: string[]; qos: 0 | 1 };
  /** rateHz 0 = the registry's natural rate (every sensor at its kind's interval). */
  simulator: { seed: number; rateHz: number; tickHz: number; anomalyIntervalS: number };
}

type Obj = Record<string, unknown>;

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

function strings(o: Obj, k: string, source: string, path: string): string[] {
  const v = o[k];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s === '')) bad(source, `${path}.${k}`, 'an array of topic filters', v);
  return v as string[];
}

function positive(o: Obj, k: string, source: string, path: string, allowZero = false): number {
  const v = o[k];
  if (typeof v !== 'number' || !(allowZero ? v >= 0 : v > 0)) bad(source, `${path}.${k}`, allowZero ? 'a number >= 0' : 'a number > 0', v);
  return v;
}

/** Validates a feed config; throws naming `source`, the field and the expected value. */
export function parseFeedConfig(data: unknown, source = 'config/signs/feed.json'): FeedConfig {
  const root = obj(data, source, '(root)');
  if (root.version !== 1) bad(source, 'version', '1', root.version);
  const b = obj(root.broker, source, 'broker');
  if (typeof b.host !== 'string' || !b.host) bad(source, 'broker.host', 'a host name', b.host);
  if (typeof b.wsPath !== 'string' || !b.wsPath.startsWith('/')) bad(source, 'broker.wsPath', 'a path starting with /', b.wsPath);
  const accountsIn = obj(root.accounts, source, 'accounts');
  const accounts: Record<string, FeedAccount> = {};
  for (const [role, a] of Object.entries(accountsIn)) {
    const o = obj(a, source, `accounts.${role}`);
    if (typeof o.username !== 'string' || !o.username) bad(source, `accounts.${role}.username`, 'a user name', o.username);
    if (typeof o.password !== 'string') bad(source, `accounts.${role}.password`, 'a string', o.password);
    accounts[role] = { username: o.username, password: o.password, publish: strings(o, 'publish', source, `accounts.${role}`), subscribe: strings(o, 'subscribe', source, `accounts.${role}`) };
  }
  for (const role of ['display', 'sensor', 'operator']) if (!accounts[role]) bad(source, `accounts.${role}`, 'an account', undefined);
  const d = obj(root.display, source, 'display');
  if (typeof d.clientId !== 'string' || !d.clientId) bad(source, 'display.clientId', 'a fixed client id', d.clientId);
  if (d.qos !== 0 && d.qos !== 1) bad(source, 'display.qos', '0 or 1', d.qos);
  const s = obj(root.simulator, source, 'simulator');
  if (!Number.isInteger(s.seed)) bad(source, 'simulator.seed', 'an integer', s.seed);
  return {
    broker: { host: b.host, tcpPort: port(b, 'tcpPort', source, 'broker'), wsPort: port(b, 'wsPort', source, 'broker'), wsPath: b.wsPath },
    accounts,
    display: { clientId: d.clientId, topics: strings(d, 'topics', source, 'display'), qos: d.qos },
    simulator: {
      seed: s.seed as number, rateHz: positive(s, 'rateHz', source, 'simulator', true),
      tickHz: positive(s, 'tickHz', source, 'simulator'), anomalyIntervalS: positive(s, 'anomalyIntervalS', source, 'simulator'),
    },
  };
}

/** The shipped feed config (config/signs/feed.json), validated. */
export function defaultFeedConfig(): FeedConfig {
  return parseFeedConfig(feedJson);
}
