/**
 * `npm start` runs this beside Vite: the embedded MQTT broker (TCP + WebSocket on localhost) with
 * the session API, the sensor simulator for the demo city, and the operations hub (PGlite under
 * .data/). On the first start it creates the demo's people accounts with random passwords and
 * says where they are. Stops cleanly on SIGINT/SIGTERM.
 */
import { startEmbeddedHub } from '../hub/startEmbeddedHub';
import { ensureDemoAccounts } from '../server/accounts/demoAccounts';
import { DEFAULT_DATA_DIR } from '../server/dataDir';
import { demoSensorRegistry } from '../signs/registry/demoSensorRegistry';
import { defaultRules } from '../signs/rules/defaultRules';
import { DEMO_CITY_UNIT_ID, startFeed } from './startFeed';

const { city, registry } = demoSensorRegistry();
const feed = await startFeed({ dataDir: DEFAULT_DATA_DIR, registry });
const created = await ensureDemoAccounts(feed.authority.accounts, DEFAULT_DATA_DIR, DEMO_CITY_UNIT_ID);
if (created) console.log(`feed: first start: log-in accounts created (user names and passwords in ${created}; change them with "npm run -s cli -- accounts passwd NAME")`);
console.log(`feed: MQTT ${feed.urls.tcp}, WebSocket ${feed.urls.ws}, session API ${feed.urls.http}/api; ${feed.registry.sensors.length} sensors simulated`);
let hub: Awaited<ReturnType<typeof startEmbeddedHub>> | null = null;
try {
  hub = await startEmbeddedHub({ feed, dataDir: DEFAULT_DATA_DIR, cityId: 'demo', cityUnitId: DEMO_CITY_UNIT_ID, units: city.units, rules: defaultRules() });
  console.log(`hub: state on hub/demo/#, history API ${feed.urls.http}/api/hub, store ${hub.store?.sql.label}`);
} catch (err) {
  console.error(`hub: not started (${(err as Error).message}); the feed runs without it`);
}
const stop = async () => { await hub?.stop(); await feed.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
