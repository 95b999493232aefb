/**
 * `npm start` runs this beside Vite: the embedded MQTT broker (TCP + WebSocket on localhost) and
 * the sensor simulator for the demo city. Stops cleanly on SIGINT/SIGTERM.
 */
import { startFeed } from './startFeed';

const feed = await startFeed({});
console.log(`feed: MQTT ${feed.urls.tcp}, WebSocket ${feed.urls.ws}; ${feed.registry.sensors.length} sensors simulated`);
const stop = async () => { await feed.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
