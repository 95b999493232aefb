import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionClient } from '../../../src/auth/SessionClient';
import type { SessionInfo } from '../../../src/auth/SessionInfo';
import type { EmbeddedBroker } from '../../../src/feed/EmbeddedBroker';
import { HubLink } from '../../../src/hub/client/HubLink';
import { hubTopics } from '../../../src/hub/topics';
import type { Authority } from '../../../src/server/Authority';
import { SessionFeed } from '../../../src/signs/connection/SessionFeed';
import { encodeReading } from '../../../src/signs/schema/encodeReading';
import { tempDataDir } from '../signs/feedTestKit';
import { waitFor } from '../signs/netUtil';
import { CITY, REGISTRY, testBroker } from './hubKit';

const data = tempDataDir();
const T = hubTopics(CITY);
let broker: EmbeddedBroker, authority: Authority;

/** What the session API hands a street operator's tab (as SessionApi builds it: display topics, the role's hub filters). */
function sessionOf(username: string, tab: string): SessionInfo {
  const account = authority.accounts.get(username)!, rights = authority.rightsOf(account)!, c = authority.credentials(username, tab);
  return {
    account: { username, displayName: account.displayName, role: account.role, tier: account.tier, unitId: account.unitId },
    feed: { url: broker.urls.ws, username, token: c.password, clientId: c.clientId, expiresAtMs: c.expiresAtMs, topics: [`city/${CITY}/#`], qos: 1 },
    hub: {
      cityId: CITY, topics: rights.subscribe.filter((f) => f.startsWith(`${T.root}/`)), commandTopic: null, incidentCommandTopic: null,
      replyTopic: T.reply(username), apiBase: '/api/hub',
    },
  };
}

beforeAll(async () => {
  ({ broker, authority } = await testBroker(data.dir));
  // Every sensor's last reading retained, as after the simulator ran a while (4,462 in the demo city).
  const sensor = await mqtt.connectAsync(broker.urls.tcp, { ...authority.credentials('sensor', 'late-pub'), protocolVersion: 4 });
  for (const s of REGISTRY.sensors) sensor.publish(s.topic, encodeReading(s.id, s.kind, Date.now(), s.nominal), { qos: 0, retain: true });
  await sensor.publishAsync(REGISTRY.sensors[0].topic, encodeReading(REGISTRY.sensors[0].id, REGISTRY.sensors[0].kind, Date.now(), REGISTRY.sensors[0].nominal), { qos: 1, retain: true });
  await sensor.endAsync();
  // The hub's retained state: one incident made before the display opens.
  const hub = await mqtt.connectAsync(broker.urls.tcp, { ...authority.credentials('hub', 'late-hub'), protocolVersion: 4 });
  const incident = { id: 'INC-LATE-1', status: 'reported', timeline: [], owner: { tier: 'street', unitId: REGISTRY.sensors[0].streetId } };
  await hub.publishAsync(T.incident(incident.id), JSON.stringify(incident), { qos: 1, retain: true });
  await hub.endAsync();
}, 60_000);
afterAll(async () => { await broker?.stop(); data.remove(); });

describe('A display opened after the hub state was made (the page\'s wiring: SessionClient -> HubLink + SessionFeed)', () => {
  it('gets the retained hub state at once and none of the city\'s thousands of retained sensor readings, but one sensor\'s while it is watched', async () => {
    const info = sessionOf('op-street', 'latetab1');
    const session = new SessionClient({ tabId: 'latetab1', fetch: async () => new Response(JSON.stringify(info), { status: 200 }) });
    const hub = new HubLink(CITY, async () => {});
    session.events.subscribe('session', (i) => hub.follow(i));
    let received = 0, incidentAt = -1;
    const readings: string[] = [];
    const feed = new SessionFeed(session, (topic, payload) => {
      received++;
      if (!hub.take(topic, payload)) readings.push(topic);
      else if (incidentAt < 0 && hub.side?.state.incidents.has('INC-LATE-1')) incidentAt = received;
    }, 'http://127.0.0.1/', (i) => hub.topicsFor(i));
    try {
      const t0 = Date.now();
      await session.resume();
      await waitFor(() => incidentAt > 0, 20_000, 'the retained incident');
      const ms = Date.now() - t0;
      // Before the display read the hub's topics, it also took every sensor's retained reading (4,462 in
      // the demo) and, listed first, they held back the incident for tens of seconds on a busy page.
      await new Promise((r) => setTimeout(r, 500));
      console.log(`late display: the retained incident arrived as message ${incidentAt} after ${ms} ms; ${readings.length} raw readings`);
      expect(incidentAt).toBeLessThan(100);
      expect(readings).toEqual([]);
      // A sensor's chart opened: its raw topic only, with its retained reading.
      const sensor = REGISTRY.sensors[0];
      const release = feed.watch(sensor.topic);
      await waitFor(() => readings.length > 0, 10_000, 'the watched sensor\'s retained reading');
      expect(new Set(readings)).toEqual(new Set([sensor.topic]));
      release();
    } finally {
      feed.dispose(); hub.dispose(); session.dispose();
    }
  });
});
