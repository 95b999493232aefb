import { Cartesian2 } from 'cesium';
import type { DemGrid } from '../geo/DemGrid';
import type { LocalFrame } from '../geo/LocalFrame';
import { FloodBroadcaster } from '../sim/flood/FloodBroadcaster';
import type { FloodFrame } from '../sim/flood/runFlood';
import type { FloodKpis } from '../sim/flood/floodKpis';
import type { Legend } from '../ui/Legend';
import { SimPanel } from '../ui/sim/SimPanel';
import type { CesiumWorkspace } from '../view/cesium/CesiumWorkspace';
import { FloodSurface } from '../view/cesium/FloodSurface';
import { FLOOD_DEPTH_SCALE } from '../view/overlay/floodDepthScale';
import { SimClient } from '../../workers/simClient';

/** A 1-hour design storm with its peak in the middle third (mm/h every 10 min). */
function hyetograph(peakMmPerHour: number): { timesS: number[]; mmPerHour: number[] } {
  const shape = [1 / 6, 4 / 9, 1, 2 / 3, 1 / 3, 1 / 9];
  return { timesS: shape.map((_, k) => k * 600), mmPerHour: shape.map((f) => Math.round(f * peakMmPerHour)) };
}

export interface LiveSimulation {
  client: SimClient;
  panel: SimPanel;
  /** Publishes the run and the frame shown to the city's wall windows (see FloodBroadcaster). */
  broadcast: FloodBroadcaster;
  /** Runs the storm over a 1 km square around a plane point (defaults to the screen centre). */
  run(peakMmPerHour: number, centerM?: [number, number]): Promise<void>;
  /** Removes the last run's water, frames, KPIs and legend, here and on the walls. */
  clear(): void;
  /** The last finished run: the scenario as sent to the worker, its KPIs and band workers (null after clear). */
  readonly lastRun: { scenario: object; kpis: FloodKpis; workers: number } | null;
  dispose(): void;
}

/**
 * Flood what-if in the workspace: the solver runs in the simulation worker (band workers when the
 * page is cross-origin isolated), frames stream back as transferred depth grids and are drawn as
 * an animated water surface with a depth legend and a time slider. The run's setup and the frame
 * shown go out on `floodChannel` (floodChannelName of the city) for the wall windows to draw.
 */
export function startSimulation(workspace: CesiumWorkspace, frame: LocalFrame, dem: DemGrid | null, host: HTMLElement, legend: Legend, floodChannel: string): LiveSimulation {
  const client = new SimClient();
  const broadcast = new FloodBroadcaster(floodChannel);
  let surface: FloodSurface | null = null;
  let frames: FloodFrame[] = [];
  let abort: AbortController | null = null;
  const panel = new SimPanel(host, {
    onRun: (peak) => { run(peak).catch((e: Error) => panel.setProgress(0, e.name === 'AbortError' ? 'Cancelled.' : `Failed: ${e.message}`)); },
    onCancel: () => abort?.abort(),
    onFrame: (i) => {
      const f = frames[i];
      if (!f) return;
      surface?.show(f.depthM);
      broadcast.show(i, f.timeS, f.depthM);
    },
    onClear: () => clear(),
  });
  const clear = () => {
    abort?.abort();
    abort = null;
    frames = [];
    surface?.dispose();
    surface = null;
    broadcast.clear();
    panel.resetFrames();
    if (legend.scale === FLOOD_DEPTH_SCALE) legend.show(null);
    delete document.body.dataset.flood;
    lastRun = null;
  };
  let lastRun: LiveSimulation['lastRun'] = null;
  const run = async (peakMmPerHour: number, centerM?: [number, number]) => {
    const canvas = workspace.viewer.scene.canvas;
    const mid = workspace.lonLatAt(new Cartesian2(canvas.clientWidth / 2, canvas.clientHeight / 2));
    let [cx, cy] = centerM ?? (mid ? frame.toPlane(mid[0], mid[1]) : [0, 0]);
    if (dem) { cx = Math.min(Math.max(cx, dem.xMinM + 520), dem.xMaxM - 520); cy = Math.min(Math.max(cy, dem.yMinM + 520), dem.yMaxM - 520); }
    clear();
    abort = new AbortController();
    const signal = abort.signal;
    panel.setRunning(true);
    const workers = globalThis.crossOriginIsolated && (navigator.hardwareConcurrency ?? 1) > 1 ? 2 : 1;
    const scenario = {
      kind: 'flood', name: `1 h storm, peak ${peakMmPerHour} mm/h`,
      grid: { cellSizeM: 5, bboxM: [cx - 500, cy - 500, cx + 500, cy + 500].map(Math.round) },
      durationS: 3600, outputIntervalS: 300, rainfall: hyetograph(peakMmPerHour), drainageMmPerHour: 20,
      boundaries: { west: 'open', east: 'open', south: 'open', north: 'open' },
      solver: { workers },
    };
    try {
      const reply = await client.runFlood(scenario, {
        signal, workers, file: 'flood what-if',
        // A run cleared or replaced may still deliver a callback or two before it stops.
        onSetup: (info) => {
          if (signal.aborted) return;
          surface = new FloodSurface(workspace.viewer, info.grid, info.bedM, workspace.tilesets.terrain);
          broadcast.setup(info.grid, info.bedM);
          legend.show(FLOOD_DEPTH_SCALE);
          const [lon, lat] = frame.toLonLat(cx, cy);
          workspace.lookAt(lon, lat, dem?.sample(cx, cy) ?? 0, 1500, -50);
        },
        onProgress: (p) => panel.setProgress(p.fraction, `Simulated ${Math.round(p.simTimeS / 60)} of 60 min · ${p.steps.toLocaleString('en')} steps · ${(p.elapsedMs / 1000).toFixed(1)} s`),
        onFrame: (f) => {
          if (signal.aborted) return;
          frames.push(f);
          panel.addFrame(f.timeS);
          surface?.show(f.depthM);
          broadcast.show(frames.length - 1, f.timeS, f.depthM);
        },
      });
      lastRun = { scenario, kpis: reply.kpis, workers: reply.workers };
      panel.showKpis(reply.kpis);
      panel.setProgress(1, `Done: ${reply.kpis.cells.toLocaleString('en')} cells, ${reply.kpis.steps.toLocaleString('en')} steps in ${reply.runS.toFixed(1)} s on ${reply.workers} worker(s).`);
      document.body.dataset.flood = 'done';
    } finally {
      panel.setRunning(false);
    }
  };
  return {
    client, panel, broadcast, run, clear,
    get lastRun() { return lastRun; },
    dispose: () => { abort?.abort(); surface?.dispose(); broadcast.clear(); broadcast.dispose(); panel.dispose(); client.dispose(); },
  };
}
