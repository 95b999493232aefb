import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { denyPrivate } from './scripts/vite/denyPrivate.ts';
import { serveTilesets } from './scripts/vite/serveTilesets.ts';

/**
 * Cesium's static folders are copied to public/cesium by scripts/copy-cesium.mjs and served from our
 * own origin; tilesets/ is served under /tilesets by a small plugin (dev and preview) and not bundled.
 * COOP/COEP make SharedArrayBuffer available to the simulation workers.
 * The feed process (src/feed/main.ts) serves the session API and MQTT over WebSocket on one port;
 * both are proxied here so the page talks to its own origin only (`/api`, `/mqtt`). The port is read
 * from config/signs/feed.json by this node-side config (the app never imports config/); RC_FEED_PORT
 * overrides it. appType 'mpa': a missing file is a 404, not index.html.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

function feedProxy(): Record<string, { target: string; ws?: boolean }> {
  const port = process.env.RC_FEED_PORT ?? (JSON.parse(readFileSync(`${root}config/signs/feed.json`, 'utf8')) as { broker: { wsPort: number } }).broker.wsPort;
  const target = `http://127.0.0.1:${port}`;
  return { '/api/': { target }, '/mqtt': { target, ws: true } };
}

export default defineConfig({
  appType: 'mpa',
  define: { CESIUM_BASE_URL: JSON.stringify('/cesium/') },
  plugins: [denyPrivate(root), serveTilesets('tilesets')],
  server: {
    headers: isolation, port: 5173, strictPort: false, proxy: feedProxy(),
    fs: { deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**', '**/.data/**', '**/config/signs/feed.json'] },
  },
  preview: { headers: isolation, port: 4173, strictPort: false, proxy: feedProxy() },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000, sourcemap: false },
});
