/**
 * What the server's session endpoint (`GET /api/session`, `POST /api/login`) hands a page: who is
 * logged in, and where and how to reach the live feed (address, user name, a short-lived broker
 * token, the one client id it is valid for). The page holds no other secret and no address of its
 * own. Pure: shared by the server (writes it) and the browser (reads it).
 */
export interface SessionAccount {
  username: string;
  displayName: string;
  role: string;
  tier: 'city' | 'district' | 'street';
  unitId: string;
}

export interface FeedGrant {
  /** `/mqtt` (same origin; resolve with feedWebSocketUrl) or a full ws:// / wss:// URL. */
  url: string;
  username: string;
  /** Broker token (JWT): the MQTT password. */
  token: string;
  /** The only client id the token is valid for (`<username>:<tab id>`). */
  clientId: string;
  /** When the token expires (epoch ms); the broker closes the connection then. */
  expiresAtMs: number;
  topics: string[];
  qos: 0 | 1;
}

/** Where the operations hub's shared state is, and what this account may do with it. */
export interface HubGrant {
  cityId: string;
  /** Hub topics this account may subscribe to (alerts, indicators, status, its replies...). */
  topics: string[];
  /** The one topic its commands go to, null when its role may not act on alerts. */
  commandTopic: string | null;
  /** The one topic its incident commands go to, null when its role may not act on incidents. */
  incidentCommandTopic: string | null;
  replyTopic: string;
  /** Base of the history API ('/api/hub'). */
  apiBase: string;
}

export interface SessionInfo {
  account: SessionAccount;
  /** null when the server runs no feed. */
  feed: FeedGrant | null;
  /** null (or absent) when the server runs no hub. */
  hub?: HubGrant | null;
}

type Obj = Record<string, unknown>;

function bad(path: string, expected: string, got: unknown): never {
  throw new Error(`session endpoint: ${path}: expected ${expected}, got ${JSON.stringify(got) ?? 'nothing'}`);
}

function str(o: Obj, k: string, path: string): string {
  if (typeof o[k] !== 'string') bad(`${path}.${k}`, 'a string', o[k]);
  return o[k] as string;
}

/** Validates the endpoint's JSON (null when nobody is logged in); throws naming the field and what was expected. */
export function parseSessionInfo(data: unknown): SessionInfo | null {
  if (typeof data !== 'object' || data === null) bad('(root)', 'an object', data);
  const root = data as Obj;
  if (root.account === null) return null;
  const a = root.account as Obj;
  if (typeof a !== 'object' || a === null) bad('account', 'an object', a);
  const tier = str(a, 'tier', 'account');
  if (tier !== 'city' && tier !== 'district' && tier !== 'street') bad('account.tier', 'city|district|street', tier);
  const account: SessionAccount = { username: str(a, 'username', 'account'), displayName: str(a, 'displayName', 'account'), role: str(a, 'role', 'account'), tier, unitId: str(a, 'unitId', 'account') };
  if (root.feed === null) return { account, feed: null, hub: null };
  const f = root.feed as Obj;
  if (typeof f !== 'object' || f === undefined) bad('feed', 'an object or null', f);
  if (!Array.isArray(f.topics) || f.topics.some((t) => typeof t !== 'string')) bad('feed.topics', 'an array of topic filters', f.topics);
  if (f.qos !== 0 && f.qos !== 1) bad('feed.qos', '0 or 1', f.qos);
  if (typeof f.expiresAtMs !== 'number') bad('feed.expiresAtMs', 'epoch milliseconds', f.expiresAtMs);
  const h = root.hub as Obj | null | undefined;
  const hub: HubGrant | null = h && typeof h === 'object' ? {
    cityId: str(h, 'cityId', 'hub'), topics: Array.isArray(h.topics) ? h.topics.filter((t): t is string => typeof t === 'string') : [],
    commandTopic: typeof h.commandTopic === 'string' ? h.commandTopic : null,
    incidentCommandTopic: typeof h.incidentCommandTopic === 'string' ? h.incidentCommandTopic : null, replyTopic: str(h, 'replyTopic', 'hub'), apiBase: str(h, 'apiBase', 'hub'),
  } : null;
  return {
    account, hub,
    feed: {
      url: str(f, 'url', 'feed'), username: str(f, 'username', 'feed'), token: str(f, 'token', 'feed'), clientId: str(f, 'clientId', 'feed'),
      expiresAtMs: f.expiresAtMs, topics: f.topics as string[], qos: f.qos,
    },
  };
}

/** The WebSocket URL of a grant: a path is resolved on the page's origin (http -> ws, https -> wss). */
export function feedWebSocketUrl(grantUrl: string, pageUrl: string): string {
  if (/^wss?:\/\//.test(grantUrl)) return grantUrl;
  const u = new URL(grantUrl, pageUrl);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}
