import { DetailDrawer } from '../ui/layout/DetailDrawer';
import { SidePanel } from '../ui/layout/SidePanel';
import { Legend } from '../ui/Legend';
import { OverlayModel } from '../view/overlay/OverlayModel';
import { DEFAULT_TILE_BUDGET_MB, TILE_BUDGET_RANGE_MB } from '../view/tileBudget';
import { CityContext } from './host/CityContext';
import type { ClickHit } from './host/ClickRouter';
import type { Feature } from './host/Feature';
import { FeatureHost, type HostParts } from './host/FeatureHost';
import { PageHandle } from './host/PageHandle';
import { parseRole, ROLE_LAYOUTS, TABS } from './host/roles';
import { ShortcutRegistry } from './host/ShortcutRegistry';
import { UrlState } from './host/UrlState';
import { showError, wireRoleSwitch, wireViewSwitch } from './pageChrome';

/**
 * App entry: reads the URL (`?city=demo&view=workspace|wall&role=planner|analyst|commander&fly=1.5&budgetMB=512`),
 * loads the city manifest, starts the chosen view (each view's code loads only when chosen: the
 * wall never loads Cesium) and hands it and its feature list to a FeatureHost.
 */
async function main(): Promise<void> {
  const url = new UrlState();
  url.claim('host', 'view', 'city', 'role', 'fly', 'budgetMB');
  try {
    const view = url.get('view') ?? 'workspace';
    if (view !== 'wall' && view !== 'workspace') throw new Error(`URL parameter "view" must be wall or workspace (got '${view}')`);
    const role = parseRole(url.get('role'));
    wireViewSwitch(view, url.params());
    const name = url.get('city') ?? 'demo';
    const city = await CityContext.open(`/tilesets/${name}`);
    const shortcuts = new ShortcutRegistry();
    window.addEventListener('keydown', (e) => shortcuts.handle(e));
    const base = { city, overlay: new OverlayModel(), shortcuts, url, role, layout: ROLE_LAYOUTS[role], handle: new PageHandle(), status: document.getElementById('status')!, topbar: document.querySelector<HTMLElement>('.topbar .controls') };
    if (view === 'wall') await startWallPage(base);
    else await startWorkspacePage(base, role);
  } catch (err) {
    showError(err as Error);
  }
}

/** The tiles' memory budget per view (`budgetMB`, MB; src/view/tileBudget). */
function budgetMB(url: UrlState): number {
  return url.number('budgetMB', DEFAULT_TILE_BUDGET_MB, TILE_BUDGET_RANGE_MB.min, TILE_BUDGET_RANGE_MB.max);
}

type BaseParts = Omit<HostParts, 'view' | 'legend' | 'panel' | 'details'>;

/** The workspace: Cesium view, side panel with tabs laid out for the role, detail drawer, and its features. */
async function startWorkspacePage(base: BaseParts, role: HostParts['role']): Promise<void> {
  wireRoleSwitch(role, base.url.params());
  const side = document.getElementById('side')!;
  const panel = new SidePanel(side, TABS, 'all');
  panel.select(base.layout.home);
  const details = new DetailDrawer(side);
  const legend = new Legend(document.getElementById('dock') ?? document.body);
  let host: FeatureHost | null = null;
  const { startWorkspaceView } = await import('./views/startWorkspaceView');
  const flight = base.url.number('fly', 1.5, 0, 60);
  const view = await startWorkspaceView({ container: document.getElementById('view')!, city: base.city, overlay: base.overlay, handle: base.handle, flightSeconds: flight, onClick: (hit: ClickHit) => host?.clicks.dispatch(hit), budgetMB: budgetMB(base.url) });
  host = new FeatureHost({ ...base, view, legend, panel, details });
  const f = await import('./workspaceFeatures');
  await host.start(f.workspaceFeatures(view));
}

/** The wall: three view, no side panel, legend bottom right, its features. */
async function startWallPage(base: BaseParts): Promise<void> {
  const { startWallView } = await import('./views/startWallView');
  const view = await startWallView({ container: document.getElementById('view')!, city: base.city, overlay: base.overlay, handle: base.handle, url: base.url, budgetMB: budgetMB(base.url) });
  const host = new FeatureHost({ ...base, view, legend: new Legend(document.body), panel: null, details: null });
  const f = await import('./wallFeatures');
  const features: Feature[] = f.wallFeatures(view);
  await host.start(features);
}

main();
