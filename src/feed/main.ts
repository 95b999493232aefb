/**
 * `npm start` runs this beside Vite: the embedded MQTT broker (TCP + WebSocket on localhost) and
 * the sensor simulator for a city package (`--city NAME`, default demo). Stops cleanly on
 * SIGINT/SIGTERM.
 */
import { parseArgs } from '../cli/args';
import { cityFlag } from '../cli/cityFlag';
import { startFeed } from './startFeed';

const city = cityFlag(parseArgs(process.argv.slice(2)));
const feed = await startFeed({ city });
const synthetic = feed.registry.synthetic ? ' (synthetic: placed by the simulator rules)' : '';
console.log(`feed: MQTT ${feed.urls.tcp}, WebSocket ${feed.urls.ws}; city ${city}: ${feed.registry.sensors.length} sensors simulated${synthetic}`);
const stop = async () => { await feed.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
