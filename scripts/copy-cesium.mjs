// Copies Cesium's static runtime folders to public/cesium so the app serves them from its own origin.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const cesiumPkg = require.resolve('cesium/package.json');
const version = JSON.parse(readFileSync(cesiumPkg, 'utf8')).version;
const src = join(dirname(cesiumPkg), 'Build', 'Cesium');
const dest = join(process.cwd(), 'public', 'cesium');
const stamp = join(dest, '.version');
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version) process.exit(0);
for (const dir of ['Workers', 'Assets', 'ThirdParty', 'Widgets']) cpSync(join(src, dir), join(dest, dir), { recursive: true });
writeFileSync(stamp, version);
console.error(`copied Cesium ${version} static assets to public/cesium`);
