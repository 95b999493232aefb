import { Emitter } from '../signs/events/Emitter';
import { parseSessionInfo, type SessionInfo } from './SessionInfo';

export interface SessionClientOptions {
  /** This tab's id (see tabId): the feed grant's client id is `<username>:<tabId>`. */
  tabId: string;
  /** Where the API lives; default '' (the page's own origin). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Refresh when this fraction of the token's life is left; default 1/3. */
  refreshAt?: number;
}

export interface SessionEvents {
  /** The session changed: logged in, token refreshed (same account, new grant), or null: logged out. */
  session: SessionInfo | null;
  /** A refresh failed for a reason other than being logged out (server down...); it retries. */
  error: { message: string };
}

/** A login refused by the server, with its message ("wrong user name or password", "too many..."). */
export class LoginError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * The page's side of the session API: resume (`GET /api/session`, the HttpOnly cookie proves the
 * login), login, logout, and a fresh feed token before the current one expires. Holds no password
 * after login returns. DOM-free (fetch only), so it runs in node tests too.
 */
export class SessionClient {
  readonly events = new Emitter<SessionEvents>();
  private info: SessionInfo | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly o: SessionClientOptions) {
    this.fetchFn = o.fetch ?? ((input, init) => fetch(input, init));
  }

  get current(): SessionInfo | null {
    return this.info;
  }

  /** The session of the cookie, or null when not logged in. Throws when the server cannot be reached. */
  async resume(): Promise<SessionInfo | null> {
    const res = await this.fetchFn(`${this.o.baseUrl ?? ''}/api/session?tab=${encodeURIComponent(this.o.tabId)}`, { credentials: 'same-origin', cache: 'no-store' });
    if (res.status === 401) return this.set(null);
    if (!res.ok) throw new LoginError(res.status, await errorOf(res));
    return this.set(parseSessionInfo(await res.json()));
  }

  /** Logs in; throws LoginError with the server's reason. */
  async login(username: string, password: string): Promise<SessionInfo> {
    const res = await this.fetchFn(`${this.o.baseUrl ?? ''}/api/login`, {
      method: 'POST', credentials: 'same-origin', cache: 'no-store', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, tab: this.o.tabId }),
    });
    if (!res.ok) throw new LoginError(res.status, await errorOf(res));
    const info = parseSessionInfo(await res.json());
    if (!info) throw new LoginError(500, 'the server accepted the login but sent no session');
    return this.set(info)!;
  }

  async logout(): Promise<void> {
    await this.fetchFn(`${this.o.baseUrl ?? ''}/api/logout`, { method: 'POST', credentials: 'same-origin' });
    this.set(null);
  }

  private set(info: SessionInfo | null): SessionInfo | null {
    if (this.disposed) return info;
    this.info = info;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (info?.feed) {
      const leftMs = info.feed.expiresAtMs - Date.now();
      this.schedule(Math.max(1000, leftMs * (1 - (this.o.refreshAt ?? 1 / 3))));
    }
    this.events.emit('session', info);
    return info;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.resume().catch((err: Error) => {
        this.events.emit('error', { message: `session refresh: ${err.message}` });
        if (!this.disposed) this.schedule(5000);
      });
    }, delayMs);
  }

  /** Stops refreshing; safe twice. */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.events.dispose();
  }
}

async function errorOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: unknown };
    if (typeof body.error === 'string') return body.error;
  } catch {
    // not JSON: fall through to the status line
  }
  return `the server answered ${res.status} ${res.statusText}`;
}
