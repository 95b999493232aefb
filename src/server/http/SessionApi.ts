import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FeedGrant, HubGrant, SessionInfo } from '../../auth/SessionInfo';
import { topicMatches } from '../../feed/topicFilters';
import { hubTopics } from '../../hub/topics';
import { publicAccount, type Account } from '../accounts/Account';
import type { Authority } from '../Authority';
import { TokenGrants, type FeedGrantIssuer } from '../grants/FeedGrantIssuer';
import { TAB_ID_PATTERN } from '../tokens/clientId';
import { signJwt, verifyJwt } from '../tokens/jwt';
import { cookie, HttpError, readJsonBody, sendJson } from './httpJson';
import { LoginThrottle } from './LoginThrottle';
import { originAllowed, type OriginPolicy } from './originPolicy';

export const SESSION_COOKIE = 'rc_session';

export interface SessionApiOptions {
  authority: Authority;
  origins: OriginPolicy;
  /** What displays subscribe to and where (null: no feed). */
  feed: { url: string; topics: string[]; qos: 0 | 1 } | null;
  /** How broker credentials are made; default broker tokens of the Authority (embedded broker, EMQX). */
  grants?: FeedGrantIssuer;
  /** The operations hub of the city, when one runs (its topics and history API). */
  hub?: { cityId: string; apiBase: string } | null;
  /** How long a login lasts without a new password (s); default 12 h. */
  sessionTtlS?: number;
  throttle?: LoginThrottle;
}

/**
 * The session endpoints (same origin as the page, through the web server's proxy):
 * - `POST /api/login` `{username, password, tab}`: checks the scrypt hash, sets an HttpOnly,
 *   SameSite=Strict session cookie, answers the SessionInfo (feed address and a fresh token);
 * - `GET /api/session?tab=ID`: the same for the cookie's account (a new short-lived token each time),
 *   `{account: null, feed: null}` without a valid cookie;
 * - `POST /api/logout`: ends the session.
 * Only people of a display role log in here; failures are throttled per address and per name.
 */
export class SessionApi {
  private readonly revoked = new Set<string>();
  private readonly throttle: LoginThrottle;
  private readonly ttlS: number;
  private readonly grants: FeedGrantIssuer;

  constructor(private o: SessionApiOptions) {
    this.grants = o.grants ?? new TokenGrants(o.authority);
    this.throttle = o.throttle ?? new LoginThrottle();
    this.ttlS = o.sessionTtlS ?? 12 * 3600;
  }

  /** Announces (or withdraws) the city's operations hub in the sessions handed out from now on. */
  setHub(hub: { cityId: string; apiBase: string } | null): void {
    this.o.hub = hub;
  }

  /** Handles `/api/login|session|logout`; false for any other path. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://x');
    const route = `${req.method} ${url.pathname}`;
    if (!['POST /api/login', 'GET /api/session', 'POST /api/logout'].includes(route)) return false;
    if (!originAllowed(req.headers.origin, req.headers.host, this.o.origins)) throw new HttpError(403, 'origin not allowed');
    if (route === 'POST /api/login') await this.login(req, res);
    else if (route === 'GET /api/session') await this.session(req, res, url.searchParams.get('tab'));
    else this.logout(req, res);
    return true;
  }

  private async login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = (await readJsonBody(req, 4096)) as { username?: unknown; password?: unknown; tab?: unknown } | null;
    const username = typeof body?.username === 'string' ? body.username.trim().toLowerCase() : '';
    const password = typeof body?.password === 'string' ? body.password : '';
    if (!username || !password) throw new HttpError(400, 'expected {"username": ..., "password": ...}');
    const address = req.socket.remoteAddress ?? '?';
    const wait = this.throttle.retryAfterS(address, username);
    if (wait > 0) throw new HttpError(429, `too many failed logins; try again in ${wait} s`, { 'retry-after': String(wait) });
    const account = await this.o.authority.accounts.verify(username, password);
    if (!account || account.kind !== 'person' || !this.o.authority.roles[account.role]?.display) {
      this.throttle.failed(address, username);
      throw new HttpError(401, 'wrong user name or password');
    }
    this.throttle.succeeded(username);
    const nowS = Math.floor(Date.now() / 1000);
    const sessionToken = signJwt({ aud: 'session', sub: account.username, sid: randomBytes(12).toString('base64url'), iat: nowS, exp: nowS + this.ttlS }, this.o.authority.key);
    sendJson(res, 200, await this.info(account, typeof body?.tab === 'string' ? body.tab : null), { 'set-cookie': this.cookieHeader(req, sessionToken, this.ttlS) });
  }

  private async session(req: IncomingMessage, res: ServerResponse, tab: string | null): Promise<void> {
    const account = this.accountOf(req);
    // Not logged in is an answer, not an error (a 401 would log a console error on every page load).
    if (!account) return sendJson(res, 200, { account: null, feed: null });
    sendJson(res, 200, await this.info(account, tab));
  }

  private logout(req: IncomingMessage, res: ServerResponse): void {
    const claims = this.claimsOf(req);
    if (claims) this.revoked.add(String(claims.sid));
    res.writeHead(204, { 'set-cookie': this.cookieHeader(req, '', 0), 'cache-control': 'no-store' });
    res.end();
  }

  private claimsOf(req: IncomingMessage): Record<string, unknown> | null {
    const value = cookie(req, SESSION_COOKIE);
    if (!value) return null;
    const v = verifyJwt(value, this.o.authority.key);
    if ('error' in v) return null;
    const c = v.claims;
    if (c.aud !== 'session' || typeof c.exp !== 'number' || c.exp * 1000 <= Date.now() || this.revoked.has(String(c.sid))) return null;
    return c;
  }

  /** The logged-in account of a request (also used by other same-origin APIs), or null. */
  accountOf(req: IncomingMessage): Account | null {
    const c = this.claimsOf(req);
    const account = c ? this.o.authority.accounts.get(String(c.sub)) : undefined;
    return account && account.kind === 'person' ? account : null;
  }

  private async info(account: Account, tab: string | null): Promise<SessionInfo> {
    let feed: FeedGrant | null = null;
    if (this.o.feed) {
      if (tab === null || !TAB_ID_PATTERN.test(tab)) throw new HttpError(400, 'tab: expected the page\'s tab id (4-32 letters, digits, - or _)');
      feed = { ...this.o.feed, ...(await this.grants.grant(account, tab)) };
    }
    return { account: publicAccount(account), feed, hub: this.hubGrant(account) };
  }

  private hubGrant(account: Account): HubGrant | null {
    const h = this.o.hub, rights = this.o.authority.rightsOf(account);
    if (!h || !rights) return null;
    const t = hubTopics(h.cityId);
    const command = t.command(account.unitId, account.username), incidentCommand = t.incidentCommand(account.unitId, account.username);
    return {
      cityId: h.cityId, apiBase: h.apiBase, topics: rights.subscribe.filter((f) => f.startsWith(`${t.root}/`)),
      commandTopic: rights.publish.some((f) => topicMatches(f, command)) ? command : null,
      incidentCommandTopic: rights.publish.some((f) => topicMatches(f, incidentCommand)) ? incidentCommand : null, replyTopic: t.reply(account.username),
    };
  }

  private cookieHeader(req: IncomingMessage, value: string, maxAgeS: number): string {
    const secure = (req.headers.origin ?? '').startsWith('https:') || req.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
    return `${SESSION_COOKIE}=${value}; Path=/api; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${secure}`;
  }
}
