// `npm start [-- --city NAME]`: builds the demo city package when missing or stale, copies Cesium's
// static assets, starts the live feed for the city when it is available, then serves the twin with
// Vite and prints its URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const node = process.execPath;
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const children = [];

function runOrExit(args, what) {
  const r = spawnSync(node, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`npm start: ${what} failed (exit ${r.status}); see the messages above.`);
    process.exit(r.status ?? 1);
  }
}

// `npm start -- --city NAME` serves and simulates another city package (tilesets/NAME).
const cityArg = process.argv.indexOf('--city');
const city = cityArg > 0 ? process.argv[cityArg + 1] : 'demo';
if (!city || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(city)) {
  console.error(`npm start: --city expects the name of a city package (a folder under tilesets/), got ${JSON.stringify(city ?? null)}`);
  process.exit(2);
}
if (!existsSync(join(root, 'tilesets/demo/city.json'))) console.log('npm start: building the demo city package (a few seconds)…');
runOrExit([tsx, 'src/cli/main.ts', 'tiles', '--city', 'demo', '--if-stale'], 'building the demo city');
if (!existsSync(join(root, `tilesets/${city}/city.json`))) {
  console.error(`npm start: tilesets/${city}/city.json not found; import it first: npm run -s cli -- city import --config FILE --out tilesets/${city}`);
  process.exit(1);
}
runOrExit([join(root, 'scripts/copy-cesium.mjs')], 'copying Cesium assets');

// The live feed (embedded MQTT broker + sensor simulator); the twin still runs if it cannot start.
const feed = spawn(node, [tsx, join(root, 'src/feed/main.ts'), '--city', city], { cwd: root, stdio: 'inherit' });
feed.on('exit', (code) => {
  if (code) console.error(`npm start: the live feed stopped (exit ${code}); the twin runs without it (ports 1883/8083 busy? see config/signs/feed.json).`);
});
const port = process.env.PORT ?? '5173';
const open = process.env.DISPLAY || process.platform !== 'linux' ? ['--open', city === 'demo' ? '/' : `/?city=${city}`] : [];
children.push(spawn(node, [join(root, 'node_modules/vite/bin/vite.js'), '--port', port, '--host', '127.0.0.1', ...open], { cwd: root, stdio: 'inherit' }));
const query = city === 'demo' ? '' : `?city=${city}`;
console.log(`npm start: the twin is at http://127.0.0.1:${port}/${query} (workspace) and http://127.0.0.1:${port}/?view=wall${query ? `&city=${city}` : ''} (wall display)`);

const stop = () => { for (const c of [...children, feed]) c.kill('SIGTERM'); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => { if (code) { console.error(`npm start: a child exited with ${code}`); stop(); } });
