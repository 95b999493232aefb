import type { BuildingPanel } from '../ui/BuildingPanel';
import type { Legend } from '../ui/Legend';
import type { ColorScale } from '../view/overlay/ColorScale';
import { CesiumWorkspace, type SceneModeName } from '../view/cesium/CesiumWorkspace';
import type { TilesetLoadState } from '../view/cesium/CityTilesets';
import type { CityManifest } from './cityManifest';
import { DrillDownPanel } from '../ui/drilldown/DrillDownPanel';
import { UnitHighlighter } from '../view/cesium/UnitHighlighter';
import type { CityTwin } from '../twin/CityTwin';
import type { DemGrid } from '../geo/DemGrid';
import { loadDem } from './loadDem';
import { startSigns, type LiveSigns } from './startSigns';
import { startDispatch, type LiveDispatch } from './startDispatch';
import { startAreaQuery } from './startAreaQuery';
import { startSimulation, type LiveSimulation } from './startSimulation';
import { floodChannelName } from '../sim/flood/floodBroadcastProtocol';
import type { AreaQueryPanel } from '../ui/drilldown/AreaQueryPanel';
import type { SensorKind } from '../signs/schema/sensorKinds';
import { loadTwinModel } from './loadTwinModel';

export interface WorkspaceStart {
  container: HTMLElement;
  cityUrl: string;
  manifest: CityManifest;
  panel: BuildingPanel;
  legend: Legend;
  scales: Record<string, ColorScale>;
  flightSeconds: number;
  /** Whether to connect to the live feed (its address and token come from the session API). */
  feed: boolean;
}

/** What the page exposes as `window.twin` for operators' consoles and browser tests. */
export interface TwinHandle {
  workspace: CesiumWorkspace;
  /** The city model and the drill-down, once loaded (body[data-twin-model="ready"]). */
  model?: CityTwin;
  drilldown?: DrillDownPanel;
  /** The live feed (demo city only), once connected. */
  signs?: LiveSigns;
  /** Resource dispatch, once the road network is loaded in its worker (body[data-dispatch="ready"]). */
  dispatch?: LiveDispatch;
  /** Flood what-if runs. */
  simulation?: LiveSimulation;
  /** The circle query tool. */
  area?: AreaQueryPanel;
  load: TilesetLoadState;
  loadedAtMs: number | null;
}

declare global {
  interface Window { twin?: TwinHandle }
}

/** Starts the Cesium workspace and wires the top-bar controls, keyboard shortcuts and status line. */
export async function startWorkspace(s: WorkspaceStart): Promise<CesiumWorkspace> {
  const status = document.getElementById('status')!;
  const progress = document.getElementById('load-progress') as HTMLProgressElement;
  const t0 = performance.now();
  const handle = {} as TwinHandle;
  const workspace = new CesiumWorkspace({
    container: s.container, cityUrl: s.cityUrl, centerLonLat: [s.manifest.origin.lonDeg, s.manifest.origin.latDeg],
    flightSeconds: s.flightSeconds,
    onPick: (props) => s.panel.show(props),
    onLoadState: (st) => {
      handle.load = st;
      if (st.settled && handle.loadedAtMs === null) {
        handle.loadedAtMs = Math.round(performance.now() - t0);
        document.body.dataset.tilesets = 'loaded';
      }
      progress.value = st.settled ? 1 : Math.min(0.95, (st.buildingTilesLoaded + st.terrainTilesLoaded) / 60);
      status.textContent = `${s.manifest.title}: ${s.manifest.counts.buildings.toLocaleString('en')} buildings · ` +
        `tiles loaded: buildings ${st.buildingTilesLoaded}, terrain ${st.terrainTilesLoaded}` +
        (st.failures ? ` · ${st.failures} tiles failed after retries` : '') + (st.settled ? ' · ready' : ' · loading…');
    },
  });
  Object.assign(handle, { workspace, load: workspace.tilesets.state, loadedAtMs: null });
  window.twin = handle;
  status.textContent = `Loading ${s.manifest.title}…`;
  await workspace.load();
  wireControls(workspace, s, handle);
  const dem = await loadDem(s.cityUrl);
  if (s.feed && s.manifest.name === 'demo') {
    handle.signs = startSigns({
      workspace, side: document.getElementById('side')!, statusBar: document.querySelector('.statusbar')!,
      legend: s.legend, dem,
    });
  }
  startDrillDown(workspace, s, handle, dem).catch((err: Error) => {
    console.error(err);
    status.textContent = `Spatial units unavailable: ${err.message}`;
  });
  return workspace;
}

/** Loads the city model in the background and mounts the drill-down panel above the building panel. */
async function startDrillDown(workspace: CesiumWorkspace, s: WorkspaceStart, handle: TwinHandle, dem: DemGrid | null): Promise<void> {
  const model = await loadTwinModel(s.cityUrl, s.manifest);
  const highlighter = new UnitHighlighter(workspace.viewer, model, dem);
  let first = true;
  const side = s.panel.element.parentElement!;
  const host = document.createElement('div');
  side.insertBefore(host, s.panel.element);
  handle.model = model;
  handle.drilldown = new DrillDownPanel(host, model, {
    onSelect: (unit) => {
      // The opening selection (the whole city) keeps the overview camera.
      if (first) { first = false; return; }
      highlighter.show(unit, s.flightSeconds);
    },
  });
  const areaHost = document.createElement('div');
  host.after(areaHost);
  handle.area = startAreaQuery(workspace, model, dem, areaHost, () => handle.signs?.store.sensors ?? []);
  document.body.dataset.twinModel = 'ready';
  const dispatchHost = document.createElement('div');
  areaHost.after(dispatchHost);
  const simHost = document.createElement('div');
  dispatchHost.after(simHost);
  handle.simulation = startSimulation(workspace, model.frame, dem, simHost, s.legend, floodChannelName(s.manifest.name));
  handle.dispatch = await startDispatch({ workspace, model, dem, host: dispatchHost, legend: s.legend, cityUrl: s.cityUrl });
  document.body.dataset.dispatch = 'ready';
}

function wireControls(workspace: CesiumWorkspace, s: WorkspaceStart, handle: TwinHandle): void {
  const modeButtons = [...document.querySelectorAll<HTMLButtonElement>('#scene-mode button')];
  const setMode = (mode: SceneModeName) => {
    for (const b of modeButtons) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
    workspace.setSceneMode(mode);
  };
  for (const b of modeButtons) b.addEventListener('click', () => setMode(b.dataset.mode as SceneModeName));
  const select = document.getElementById('color-by') as HTMLSelectElement;
  select.addEventListener('change', () => {
    if (select.value.startsWith('live:')) {
      handle.signs?.colourBy(select.value.slice(5) as SensorKind);
      return;
    }
    handle.signs?.colourBy(null);
    const scale = s.scales[select.value] ?? null;
    workspace.setColorScale(scale);
    s.legend.show(scale);
  });
  document.getElementById('home')!.addEventListener('click', () => workspace.flyHome());
  window.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '2') setMode('2d');
    else if (e.key === '3') setMode('3d');
    else if (e.key === 'c' || e.key === 'C') setMode('columbus');
    else if (e.key === 'h' || e.key === 'H') workspace.flyHome();
  });
}
