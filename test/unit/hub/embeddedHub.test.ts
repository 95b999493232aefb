import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeed, type Feed } from '../../../src/feed/startFeed';
import type { HubService } from '../../../src/hub/startHub';
import { incidentSetup } from '../../../src/hub/incidents/incidentSetup';
import { startEmbeddedHub } from '../../../src/hub/startEmbeddedHub';
import { demoPackage } from '../../support/demoPackage';
import { tempDataDir, testAuthority } from '../signs/feedTestKit';
import { waitFor } from '../signs/netUtil';
import { CITY_UNIT, REGISTRY, RULES, UNITS } from './hubKit';

const data = tempDataDir();
let feed: Feed, hub: HubService, passwords: Record<string, string>;

beforeAll(async () => {
  ({ passwords } = await testAuthority(data.dir));
  // Loaded before the feed starts: the hub subscribes right after it, before the first pass of readings.
  const incidents = await incidentSetup(await demoPackage());
  feed = await startFeed({ port: 0, wsPort: 0, dataDir: data.dir, registry: REGISTRY, rateHz: 2000 });
  hub = await startEmbeddedHub({ feed, dataDir: data.dir, cityId: 'demo', cityUnitId: CITY_UNIT, units: UNITS, rules: RULES, publishMs: 300, incidents });
}, 120_000);
afterAll(async () => { await hub?.stop(); await feed?.stop(); data.remove(); });

async function login(username: string, password: string): Promise<{ cookie: string; info: Record<string, any> }> {
  const res = await fetch(`${feed.urls.http}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, tab: 'hubtab01' }) });
  return { cookie: res.headers.get('set-cookie')!.split(';')[0], info: await res.json() };
}

describe('the hub npm start runs (beside the embedded broker, PGlite under the data folder)', () => {
  it('ingests the simulator\'s readings and keeps them in its store', async () => {
    await waitFor(() => hub.hub.signs.ingestor.counts[0] >= REGISTRY.sensors.length, 30_000, 'a reading from every sensor at the hub');
    await hub.hub.writer!.flush();
    const { rows } = await hub.store!.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM readings');
    expect(rows[0].n).toBeGreaterThanOrEqual(REGISTRY.sensors.length);
  });

  it('announces itself in the session: hub topics for everyone, a command topic for operators only', async () => {
    const op = await login('operator', passwords.operator);
    expect(op.info.hub).toMatchObject({ cityId: 'demo', apiBase: '/api/hub', commandTopic: `hub/demo/commands/${CITY_UNIT}/operator`, replyTopic: 'hub/demo/replies/operator' });
    expect(op.info.hub.topics).toContain('hub/demo/alerts/#');
    expect(op.info.hub.incidentCommandTopic).toBe(`hub/demo/incident-commands/${CITY_UNIT}/operator`);
    const viewer = await login('viewer', passwords.viewer);
    expect(viewer.info.hub.commandTopic).toBeNull();
    expect(viewer.info.hub.incidentCommandTopic).toBeNull();
    expect(viewer.info.hub.topics).toEqual(expect.arrayContaining(['hub/demo/incidents/+', 'hub/demo/vehicles']));
    expect(hub.hub.incidents).not.toBeNull();
    await waitFor(() => hub.hub.status().incidents?.total === 0, 1000, 'incident counts in the status');
  });

  it('serves the history API to logged-in people on the feed\'s HTTP port', async () => {
    const { cookie } = await login('viewer', passwords.viewer);
    const sensor = REGISTRY.sensors[0];
    const res = await fetch(`${feed.urls.http}/api/hub/sensors/${sensor.id}/series?range=1h`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ sensorId: sensor.id, bucketS: 10 });
    expect(body.points.length).toBeGreaterThan(0);
    expect((await fetch(`${feed.urls.http}/api/hub/sensors/${sensor.id}/series?range=1h`)).status).toBe(401);
  });
});
