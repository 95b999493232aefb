/**
 * `npm start` runs this beside Vite: the embedded MQTT broker (TCP + WebSocket on localhost) with
 * the session API, the sensor simulator for a city package (`--city NAME`, default demo), and the
 * operations hub (PGlite under .data/). On the first start it creates the people accounts with
 * random passwords and says where they are. Stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from '../cli/args';
import { cityFlag } from '../cli/cityFlag';
import { incidentSetup } from '../hub/incidents/incidentSetup';
import { startEmbeddedHub } from '../hub/startEmbeddedHub';
import { openCityPackage } from '../pipeline/package/openCityPackage';
import { ensureDemoAccounts } from '../server/accounts/demoAccounts';
import { DEFAULT_DATA_DIR } from '../server/dataDir';
import { defaultRules } from '../signs/rules/defaultRules';
import { startFeed } from './startFeed';

const city = cityFlag(parseArgs(process.argv.slice(2)));
const feed = await startFeed({ city, dataDir: DEFAULT_DATA_DIR });
const created = await ensureDemoAccounts(feed.authority.accounts, DEFAULT_DATA_DIR, feed.cityUnitId);
if (created) console.log(`feed: first start: log-in accounts created (user names and passwords in ${created}; change them with "npm run -s cli -- accounts passwd NAME")`);
const synthetic = feed.registry.synthetic ? ' (synthetic: placed by the simulator rules)' : '';
console.log(`feed: MQTT ${feed.urls.tcp}, WebSocket ${feed.urls.ws}, session API ${feed.urls.http}/api; city ${city}: ${feed.registry.sensors.length} sensors simulated${synthetic}`);
let hub: Awaited<ReturnType<typeof startEmbeddedHub>> | null = null;
try {
  const pkg = await openCityPackage(city);
  const [units, incidents] = await Promise.all([pkg.units(), incidentSetup(pkg)]);
  hub = await startEmbeddedHub({ feed, dataDir: DEFAULT_DATA_DIR, cityId: feed.registry.city, cityUnitId: feed.cityUnitId, units, rules: defaultRules(), incidents });
  console.log(`hub: state on hub/${feed.registry.city}/#, history API ${feed.urls.http}/api/hub, store ${hub.store?.sql.label}`);
} catch (err) {
  console.error(`hub: not started (${(err as Error).message}); the feed runs without it`);
}
const stop = async () => { await hub?.stop(); await feed.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
