import { BuildingPanel } from '../ui/BuildingPanel';
import { Legend } from '../ui/Legend';
import { BUILDING_SCALES } from '../view/overlay/ColorScale';
import { OverlayModel } from '../view/overlay/OverlayModel';
import { loadCityManifest } from './cityManifest';
import { loadDem } from './loadDem';

declare module './startWorkspace' {
  interface TwinHandle {
    /** The overlay model both views draw: set a layer here and it shows in the view. */
    overlay?: OverlayModel;
  }
}

/**
 * App entry: reads the URL (`?city=demo&view=workspace&fly=1.5`, `?view=wall`), loads the city manifest
 * and starts the chosen view (each view's code loads only when chosen: the wall never loads Cesium).
 * Errors are shown in a panel that names what failed and how to fix it.
 */
async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const cityUrl = `/tilesets/${params.get('city') ?? 'demo'}`;
  const side = document.getElementById('side')!;
  try {
    const view = params.get('view') ?? 'workspace';
    if (view !== 'wall' && view !== 'workspace') throw new Error(`URL parameter "view" must be wall or workspace (got '${view}')`);
    wireViewSwitch(view, params);
    const overlay = new OverlayModel();
    const manifest = await loadCityManifest(cityUrl);
    if (view === 'wall') {
      const { startWall } = await import('./startWall');
      await startWall({ container: document.getElementById('view')!, cityUrl, manifest, overlay, params });
      return;
    }
    const { startWorkspace } = await import('./startWorkspace');
    const panel = new BuildingPanel(side);
    const legend = new Legend(document.body);
    legend.show(null);
    const flight = Number(params.get('fly') ?? '1.5');
    const workspace = await startWorkspace({
      container: document.getElementById('view')!, cityUrl, manifest, panel, legend,
      scales: BUILDING_SCALES, flightSeconds: Number.isFinite(flight) ? flight : 1.5,
      // The live feed's address and token come from the server's session API; `?feed=none` goes without.
      feed: params.get('feed') !== 'none',
    });
    const { CesiumOverlayAdapter } = await import('../view/cesium/CesiumOverlayAdapter');
    new CesiumOverlayAdapter(workspace.viewer, workspace.tilesets.buildings, await loadDem(cityUrl)).attach(overlay);
    window.twin!.overlay = overlay;
    const { startScenarios } = await import('../view/cesium/compare/startScenarios');
    void startScenarios({ workspace, overlay, cityUrl, dem: loadDem(cityUrl) });
  } catch (err) {
    showError(err as Error);
  }
}

/** The top bar's link to the other view, keeping the city and other parameters. */
function wireViewSwitch(view: 'wall' | 'workspace', params: URLSearchParams): void {
  const link = document.getElementById('view-switch') as HTMLAnchorElement | null;
  if (!link) return;
  const next = new URLSearchParams(params);
  next.set('view', view === 'wall' ? 'workspace' : 'wall');
  link.href = `?${next}`;
  link.textContent = view === 'wall' ? 'Workspace' : 'Wall display';
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
