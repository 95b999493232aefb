/**
 * One hub in its own process for `npm run bench -- hub`: argv[2] is JSON { url, password, hubId,
 * districts, sensors, dataDir, aggregator }. Prints a JSON line with its counts every 250 ms; stops
 * (pending writes flushed) on SIGTERM.
 */
import { Hub } from '../src/hub/Hub';
import { openPglite } from '../src/hub/store/openSql';
import { HubStore } from '../src/hub/store/HubStore';
import { demoPackage } from '../test/support/demoPackage';
import { defaultRules } from '../src/signs/rules/defaultRules';
import { scaledRegistry } from './scaledRegistry';

const o = JSON.parse(process.argv[2]) as { url: string; password: string; hubId: string; districts: string[] | null; sensors: number; dataDir: string; aggregator: boolean };
const sql = await openPglite(o.dataDir);
const store = await HubStore.open(sql, o.hubId);
const hub = new Hub({
  cityId: 'demo', cityUnitId: '510100', hubId: o.hubId, districts: o.districts, aggregator: o.aggregator,
  registry: await scaledRegistry(o.sensors), units: await (await demoPackage()).units(), rules: defaultRules(), store, intervalScale: 100,
  broker: { url: o.url, username: 'hub', password: o.password, clientId: `hub:${o.hubId}` }, publishMs: 1000, snapshotMs: 3_600_000,
  writer: { flushMs: 250, batchSize: 20_000 },
});
await hub.start();
const report = () => process.stdout.write(JSON.stringify({ hubId: o.hubId, accepted: hub.signs.ingestor.counts[0], written: hub.writer!.status.writtenReadings, sensors: hub.signs.sensors.length }) + '\n');
const timer = setInterval(report, 250);
report();
process.on('SIGTERM', async () => {
  clearInterval(timer);
  await hub.stop();
  await sql.close();
  process.exit(0);
});
