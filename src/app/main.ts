import { BuildingPanel } from '../ui/BuildingPanel';
import { Legend } from '../ui/Legend';
import { BUILDING_SCALES } from '../view/overlay/ColorScale';
import { loadCityManifest } from './cityManifest';
import { startWorkspace } from './startWorkspace';

/**
 * App entry: reads the URL (`?city=demo&view=workspace&fly=1.5`), loads the city manifest and starts
 * the chosen view. Errors are shown in a panel that names what failed and how to fix it.
 */
async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const cityUrl = `/tilesets/${params.get('city') ?? 'demo'}`;
  const side = document.getElementById('side')!;
  try {
    const manifest = await loadCityManifest(cityUrl);
    const panel = new BuildingPanel(side);
    const legend = new Legend(document.body);
    legend.show(null);
    const flight = Number(params.get('fly') ?? '1.5');
    await startWorkspace({
      container: document.getElementById('view')!, cityUrl, manifest, panel, legend,
      scales: BUILDING_SCALES, flightSeconds: Number.isFinite(flight) ? flight : 1.5,
      // The feed's WebSocket listener on this host (npm start runs it), `?feed=URL` to choose, `?feed=none` to go without.
      feedUrl: params.get('feed') === 'none' ? null : (params.get('feed') ?? `ws://${location.hostname}:8083/mqtt`),
    });
  } catch (err) {
    showError(err as Error);
  }
}

function showError(err: Error): void {
  console.error(err);
  const box = document.createElement('section');
  box.className = 'panel error-panel';
  box.setAttribute('role', 'alert');
  const h = document.createElement('h2');
  h.textContent = 'The twin could not start';
  const p = document.createElement('p');
  p.textContent = err.message;
  box.append(h, p);
  document.body.appendChild(box);
  document.getElementById('status')!.textContent = 'Error: ' + err.message;
}

main();
