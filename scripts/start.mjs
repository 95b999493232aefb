// `npm start`: builds the demo city on first run (with progress), copies Cesium's static assets,
// starts the live feed when it is available, then serves the twin with Vite and prints its URL.
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

if (!existsSync(join(root, 'tilesets/demo/city.json'))) {
  console.log('npm start: the demo city is missing; building it now (about 2 s on 2 cores)…');
  runOrExit([tsx, 'src/cli/main.ts', 'tiles', '--city', 'demo', '--out', 'tilesets/demo'], 'building the demo city');
}
runOrExit([join(root, 'scripts/copy-cesium.mjs')], 'copying Cesium assets');

// The live feed (embedded MQTT broker + sensor simulator); the twin still runs if it cannot start.
const feed = spawn(node, [tsx, join(root, 'src/feed/main.ts')], { cwd: root, stdio: 'inherit' });
feed.on('exit', (code) => {
  if (code) console.error(`npm start: the live feed stopped (exit ${code}); the twin runs without it (ports 1883/8083 busy? see config/signs/feed.json; RC_FEED_PORT tells Vite another one).`);
});
const port = process.env.PORT ?? '5173';
const open = process.env.DISPLAY || process.platform !== 'linux' ? ['--open'] : [];
children.push(spawn(node, [join(root, 'node_modules/vite/bin/vite.js'), '--port', port, '--host', '127.0.0.1', ...open], { cwd: root, stdio: 'inherit' }));
console.log(`npm start: the twin is at http://127.0.0.1:${port}/ (workspace) and http://127.0.0.1:${port}/?view=wall (wall display)`);

const stop = () => { for (const c of [...children, feed]) c.kill('SIGTERM'); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => { if (code) { console.error(`npm start: a child exited with ${code}`); stop(); } });
