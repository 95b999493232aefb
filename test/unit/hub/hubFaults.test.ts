import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedBroker } from '../../../src/feed/EmbeddedBroker';
import { Hub } from '../../../src/hub/Hub';
import { openPglite } from '../../../src/hub/store/openSql';
import { HubStore } from '../../../src/hub/store/HubStore';
import { brokerOptions, tempDataDir } from '../signs/feedTestKit';
import { freePort, waitFor } from '../signs/netUtil';
import { display, hubOptions, publishAll, publisher, REGISTRY, testBroker } from './hubKit';

const data = tempDataDir();
afterAll(() => data.remove());

describe('hub faults (embedded broker, PGlite)', () => {
  it('restarts after a crash mid-stream: no QoS 1 alarm lost, alert state back from the store, indicators resume', async () => {
    const { broker, authority } = await testBroker(data.dir);
    const sql = await openPglite(`${data.dir}/pglite-restart`);
    const store = await HubStore.open(sql, 'hub-1');
    let hub = new Hub(hubOptions(authority, broker.urls.tcp, { hubId: 'hub-1', store }));
    await hub.start();
    const pub = await publisher(authority, broker.urls.tcp);
    const screen = await display(authority, broker.urls.ws, 'op-city', 'faults');
    try {
      await publishAll(pub, [hub]);
      const fires = REGISTRY.sensors.filter((s) => s.kind === 'fire_alarm');
      await pub.send(fires[0], 1);
      await waitFor(() => screen.state.openAlerts().length === 1, 3000, 'the first alert');
      const first = screen.state.openAlerts()[0];
      await screen.commands.send('acknowledge', first.id);
      await screen.commands.send('comment', first.id, { text: 'engine 12 dispatched' });
      // Mid-stream: water levels keep coming while the hub dies.
      const gauges = REGISTRY.sensors.filter((s) => s.kind === 'water_level').slice(0, 50);
      const stream = setInterval(() => { for (const g of gauges) void pub.send(g, g.nominal); }, 50);
      await new Promise((r) => setTimeout(r, 300));
      hub.kill();
      const t0 = Date.now();
      for (const f of fires.slice(1, 21)) await pub.send(f, 1);
      await new Promise((r) => setTimeout(r, 500));
      hub = new Hub(hubOptions(authority, broker.urls.tcp, { hubId: 'hub-1', store }));
      await hub.start();
      try {
        await waitFor(() => hub.signs.openAlerts().length === 21, 10_000, 'the 20 alarms sent while the hub was down, and the restored one');
      } finally {
        clearInterval(stream);
      }
      const restored = hub.signs.alerts.get(first.id)!;
      expect(restored).toMatchObject({ state: 'acknowledged', sensorId: fires[0].id });
      expect(hub.notes.get(first.id)).toMatchObject({ acknowledgedBy: 'op-city', comments: [{ by: 'op-city', text: 'engine 12 dispatched' }] });
      await pub.send(fires[0], 1);
      await waitFor(() => screen.state.openAlerts().length === 21, 5000, 'every alert on the display');
      expect(hub.signs.openAlerts().filter((a) => a.sensorId === fires[0].id)).toHaveLength(1);
      const before = screen.state.indicators.get('city')!.timeMs;
      await waitFor(() => screen.state.indicators.get('city')!.timeMs > before, 3000, 'indicators to resume');
      console.log(`hub crash -> 20 alarms sent while down, all raised ${Date.now() - t0} ms after the crash; acknowledged alert restored with its comment`);
    } finally {
      await screen.close(); await pub.client.endAsync(true); await hub.stop(); await sql.close(); await broker.stop();
    }
  });

  it('rides out a broker restart: reconnects, keeps its session, alarms queued during the outage arrive', async () => {
    const ports = { tcpPort: await freePort(), wsPort: await freePort() };
    let { broker, authority } = await testBroker(data.dir, ports);
    const hub = new Hub(hubOptions(authority, broker.urls.tcp, { hubId: 'hub-b', store: null }));
    await hub.start();
    const pub = await publisher(authority, broker.urls.tcp, 'pub-b');
    try {
      await publishAll(pub, [hub]);
      const persistence = broker.persistence;
      await broker.stop();
      const fires = REGISTRY.sensors.filter((s) => s.kind === 'fire_alarm').slice(30, 40);
      for (const f of fires) void pub.send(f, 1);
      broker = await EmbeddedBroker.start(brokerOptions(authority, ports, persistence));
      await waitFor(() => fires.every((f) => hub.signs.openAlerts().some((a) => a.sensorId === f.id)), 10_000, 'the alarms published during the outage');
      expect(hub.stats.connects).toBe(2);
      const screen = await display(authority, broker.urls.ws, 'viewer', 'after-restart');
      await waitFor(() => screen.state.openAlerts().length === fires.length, 3000, 'the retained alerts after the restart');
      await screen.close();
    } finally {
      await pub.client.endAsync(true); await hub.stop(); await broker.stop();
    }
  });
});
