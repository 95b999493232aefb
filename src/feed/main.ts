/**
 * `npm start` runs this beside Vite: the embedded MQTT broker (TCP + WebSocket on localhost) with
 * the session API, and the sensor simulator for the demo city. On the first start it creates the
 * demo's people accounts with random passwords and prints them once. Stops cleanly on SIGINT/SIGTERM.
 */
import { ensureDemoAccounts } from '../server/accounts/demoAccounts';
import { DEFAULT_DATA_DIR } from '../server/dataDir';
import { DEMO_CITY_UNIT_ID, startFeed } from './startFeed';

const feed = await startFeed({ dataDir: DEFAULT_DATA_DIR });
const created = await ensureDemoAccounts(feed.authority.accounts, DEFAULT_DATA_DIR, DEMO_CITY_UNIT_ID);
if (created) console.log(`feed: first start: log-in accounts created (user names and passwords in ${created}; change them with "npm run -s cli -- accounts passwd NAME")`);
console.log(`feed: MQTT ${feed.urls.tcp}, WebSocket ${feed.urls.ws}, session API ${feed.urls.http}/api; ${feed.registry.sensors.length} sensors simulated`);
const stop = async () => { await feed.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
