import { defineConfig } from 'vite';
import { serveTilesets } from './scripts/vite/serveTilesets.ts';

/**
 * Cesium's static folders are copied to public/cesium by scripts/copy-cesium.mjs and served from our
 * own origin; tilesets/ is served under /tilesets by a small plugin (dev and preview) and not bundled.
 * COOP/COEP make SharedArrayBuffer available to the simulation workers.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  define: { CESIUM_BASE_URL: JSON.stringify('/cesium/') },
  plugins: [serveTilesets('tilesets')],
  server: { headers: isolation, port: 5173, strictPort: false },
  preview: { headers: isolation, port: 4173, strictPort: false },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000, sourcemap: false },
});
