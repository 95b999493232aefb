/**
 * Live feed in the browser with the view rendering: readings ingested per second (peer: JSON.parse
 * of the same payloads in the same page) and end-to-end latency sensor -> alert on screen.
 */
import mqtt from 'mqtt';
import { startFeed } from '../src/feed/startFeed';
import { tempDataDir, testAuthority } from '../test/unit/signs/feedTestKit';
import { withAppPage } from './browserLoad';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

export async function run(): Promise<object> {
  const data = tempDataDir('rc-bench-data-');
  const { authority, passwords } = await testAuthority(data.dir);
  const feed = await startFeed({ port: 0, wsPort: 0, rateHz: 1000, dataDir: data.dir });
  try {
    return await withAppPage('?fly=0', { width: 1280, height: 720 }, async (page) => {
      await page.waitForSelector('body[data-twin-model="ready"]', { timeout: 180_000 });
      await page.waitForFunction(() => (window.twin?.signs?.connection?.status.messages ?? 0) > 100, undefined, { timeout: 60_000 });
      // Keep Cesium drawing every frame while we measure.
      const ingest = await page.evaluate(async () => {
        const w = window.twin!;
        w.workspace.viewer.scene.requestRenderMode = false;
        const counts = w.signs!.store.ingestor.counts;
        let frames = 0;
        const off = w.workspace.viewer.scene.postRender.addEventListener(() => { frames++; });
        const a0 = counts[0], t0 = performance.now();
        await new Promise((r) => setTimeout(r, 10_000));
        const seconds = (performance.now() - t0) / 1000;
        off();
        w.workspace.viewer.scene.requestRenderMode = true;
        const readingsPerSecond = (counts[0] - a0) / seconds;
        // Peer: JSON.parse of same-shaped payloads, in the same page.
        const msgs = Array.from({ length: 20000 }, (_, i) => JSON.stringify({ id: `AQ-${i % 500}`, kind: 'air_quality', t: 1764000000000 + i, v: 35.5 + (i % 7) }));
        const p0 = performance.now();
        let sum = 0;
        for (const m of msgs) sum += (JSON.parse(m) as { v: number }).v;
        const parsePerSecond = msgs.length / ((performance.now() - p0) / 1000);
        return { readingsPerSecond: Math.round(readingsPerSecond), framesPerSecond: +(frames / seconds).toFixed(2), jsonParsePerSecond: Math.round(parsePerSecond), checksum: sum > 0 };
      });
      console.error(`signsBrowser ingest: ${JSON.stringify(ingest)}`);
      const client = await mqtt.connectAsync(feed.urls.ws, authority.credentials('operator', `bench-${Date.now()}`));
      const fire = feed.registry.sensors.filter((s) => s.kind === 'fire_alarm');
      const latencies: number[] = [];
      for (let i = 0; i < 20; i++) {
        const id = fire[40 + i].id;
        const t0 = Date.now();
        await client.publishAsync('control/anomaly', JSON.stringify({ type: 'fire', sensorId: id, rampS: 0, durationS: 600 }), { qos: 1 });
        await page.waitForFunction((sid) => {
          const a = window.twin!.signs!.store.openAlerts().find((x) => x.sensorId === sid);
          return !!a && !!document.querySelector(`.rc-alerts li[data-id="${a.id}"]`);
        }, id, { timeout: 15_000, polling: 20 });
        latencies.push(Date.now() - t0);
      }
      await client.endAsync();
      return {
        feedRateHz: 1000, ...ingest,
        ingestKeptUpWithFeed: ingest.readingsPerSecond >= 0.95 * 1000,
        sensorToScreenMs: { samples: latencies.length, median: pct(latencies, 0.5), p99: pct(latencies, 0.99), max: Math.max(...latencies) },
      };
    }, { httpUrl: feed.urls.http, login: { username: 'viewer', password: passwords.viewer } });
  } finally {
    await feed.stop();
    data.remove();
  }
}
