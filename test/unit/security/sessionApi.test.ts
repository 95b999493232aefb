import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeed, type Feed } from '../../../src/feed/startFeed';
import { SessionClient, LoginError } from '../../../src/auth/SessionClient';
import { tempDataDir, testAuthority } from '../signs/feedTestKit';
import { connectOrRefusal } from './brokerProbe';

const data = tempDataDir();
let feed: Feed, passwords: Record<string, string>, api: string;

beforeAll(async () => {
  ({ passwords } = await testAuthority(data.dir));
  feed = await startFeed({ port: 0, wsPort: 0, simulate: false, dataDir: data.dir });
  api = feed.urls.http;
});
afterAll(async () => { await feed?.stop(); data.remove(); });

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('session API (log in as a person, feed address and token from the server)', () => {
  it('logs a person in: HttpOnly SameSite=Strict cookie, feed grant with a token for one client id', async () => {
    const res = await post('/api/login', { username: 'viewer', password: passwords.viewer, tab: 'tab0001' });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^rc_session=[^;]+; Path=\/api; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const info = await res.json();
    expect(info.account).toEqual({ username: 'viewer', displayName: 'Test viewer', role: 'viewer', tier: 'city', unitId: '510100' });
    expect(info.feed).toMatchObject({ url: '/mqtt', username: 'viewer', clientId: 'viewer:tab0001', topics: ['city/demo/#'], qos: 1 });
    expect(info.feed.expiresAtMs - Date.now()).toBeGreaterThan(800_000);
    expect(JSON.stringify(info)).not.toContain(passwords.viewer);
    const again = await fetch(`${api}/api/session?tab=tab0002`, { headers: { cookie: cookie.split(';')[0] } });
    expect((await again.json()).feed.clientId).toBe('viewer:tab0002');
    const mqttClient = await connectOrRefusal(feed.urls.ws, { username: info.feed.username, password: info.feed.token, clientId: info.feed.clientId });
    await mqttClient.endAsync();
  });

  it('refuses wrong passwords, services, unknown names (same answer) and bodies that are not JSON', async () => {
    for (const body of [{ username: 'viewer', password: 'nope', tab: 'tab0001' }, { username: 'nobody', password: 'x', tab: 'tab0001' }, { username: 'gateway', password: passwords.gateway, tab: 'tab0001' }]) {
      const res = await post('/api/login', body);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'wrong user name or password' });
    }
    const form = await fetch(`${api}/api/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=viewer' });
    expect(form.status).toBe(415);
    const big = await post('/api/login', { username: 'viewer', password: 'x'.repeat(10_000) });
    expect(big.status).toBe(413);
  });

  it('refuses a login posted from another origin (403); no session without a valid cookie', async () => {
    const res = await post('/api/login', { username: 'viewer', password: passwords.viewer, tab: 'tab0001' }, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(await (await fetch(`${api}/api/session?tab=tab0001`)).json()).toEqual({ account: null, feed: null });
    const forged = await fetch(`${api}/api/session?tab=tab0001`, { headers: { cookie: 'rc_session=eyJhbGciOiJub25lIn0.eyJzdWIiOiJvcGVyYXRvciJ9.' } });
    expect((await forged.json()).account).toBeNull();
  });

  it('ends a session on logout', async () => {
    const res = await post('/api/login', { username: 'operator', password: passwords.operator, tab: 'tab0001' });
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    const out = await fetch(`${api}/api/logout`, { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await (await fetch(`${api}/api/session?tab=tab0001`, { headers: { cookie } })).json()).account).toBeNull();
  });

  it('throttles guessing: after 10 failures in a minute, 429 with Retry-After, without checking the password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post('/api/login', { username: 'operator', password: `guess-${i}`, tab: 'tab0001' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    const locked = await post('/api/login', { username: 'operator', password: passwords.operator, tab: 'tab0001' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers unknown API paths 404 in JSON, never a stack trace', async () => {
    const res = await fetch(`${api}/api/%E0%A4%A`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('{"error":"not found"}');
  });
});

describe('SessionClient (the page side)', () => {
  it('resumes nothing, logs in, refreshes the token before it expires, logs out', async () => {
    const client = new SessionClient({ tabId: 'tabclient1', baseUrl: api, refreshAt: 0.999 });
    let cookie = '';
    const cookieFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0];
      return res;
    };
    (client as unknown as { fetchFn: typeof fetch }).fetchFn = cookieFetch;
    const seen: Array<string | null> = [];
    client.events.subscribe('session', (s) => seen.push(s?.feed?.token ?? null));
    expect(await client.resume()).toBeNull();
    await expect(client.login('viewer', 'wrong')).rejects.toThrow(LoginError);
    const info = await client.login('viewer', passwords.viewer);
    expect(info.feed?.clientId).toBe('viewer:tabclient1');
    await new Promise((r) => setTimeout(r, 2500));
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seen.slice(1)).size).toBe(seen.length - 1);
    await client.logout();
    expect(seen.at(-1)).toBeNull();
    client.dispose();
  });
});
