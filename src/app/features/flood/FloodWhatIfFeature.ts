import { Emitter } from '../../../signs/events/Emitter';
import type { DemGrid } from '../../../geo/DemGrid';
import { FloodBroadcaster } from '../../../sim/flood/FloodBroadcaster';
import { floodChannelName } from '../../../sim/flood/floodBroadcastProtocol';
import type { FloodKpis } from '../../../sim/flood/floodKpis';
import type { FloodFrame } from '../../../sim/flood/runFlood';
import { SimPanel } from '../../../ui/sim/SimPanel';
import { FloodSurface } from '../../../view/cesium/FloodSurface';
import { FLOOD_DEPTH_SCALE } from '../../../view/overlay/floodDepthScale';
import { SimClient } from '../../../../workers/simClient';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import type { WorkspaceViewPort } from '../../views/startWorkspaceView';
import { floodWhatIf } from './designStorm';

/** What `window.twin.simulation` exposes. */
export interface LiveSimulation {
  client: SimClient;
  panel: SimPanel;
  broadcast: FloodBroadcaster;
  run(peakMmPerHour: number, centerM?: [number, number]): Promise<void>;
  clear(): void;
  /** The last finished run: the scenario as sent to the worker, its KPIs and band workers (null after clear). */
  readonly lastRun: { scenario: object; kpis: FloodKpis; workers: number } | null;
}

const LEGEND = 'flood';

/**
 * Flood what-if in the workspace: a storm over the 1 km² in view runs in the simulation worker
 * (band workers when cross-origin isolated); frames stream back and are drawn as an animated
 * water surface with a depth legend and a time slider. Each run and the frame shown go out on
 * the city's flood channel for the wall windows (FloodBroadcaster).
 */
export class FloodWhatIfFeature implements Feature {
  readonly name = 'flood';
  private client: SimClient | null = null;
  private broadcast: FloodBroadcaster | null = null;
  private surface: FloodSurface | null = null;
  private frames: FloodFrame[] = [];
  private abort: AbortController | null = null;
  private lastRun: LiveSimulation['lastRun'] = null;
  private panel: SimPanel | null = null;
  private flatNote: HTMLElement | null = null;
  /** The run shown, its frame and its withdrawal: what other displays follow (FloodHubRelayFeature). */
  readonly shown = new Emitter<{ run: { run: string; scenario: Record<string, unknown> }; frame: { index: number; timeS: number }; clear: { run: string } }>();

  constructor(private readonly view: WorkspaceViewPort) {}

  init(host: FeatureHost): void {
    const slot = host.slot('flood', 'Flood what-if');
    if (!slot) return;
    const client = (this.client = new SimClient());
    const broadcast = (this.broadcast = new FloodBroadcaster(floodChannelName(host.city.name)));
    const fail = (e: Error) => panel.setProgress(0, e.name === 'AbortError' ? 'Cancelled.' : `Failed: ${e.message}`);
    const panel = (this.panel = new SimPanel(slot, {
      onRun: (peak) => { this.run(host, peak).catch(fail); },
      onCancel: () => this.abort?.abort(),
      onFrame: (i) => {
        const f = this.frames[i];
        if (!f) return;
        this.surface?.show(f.depthM);
        broadcast.show(i, f.timeS, f.depthM);
        this.shown.emit('frame', { index: i, timeS: f.timeS });
      },
      onClear: () => this.clear(host),
    }));
    if (host.city.manifest.terrain?.flat) this.flatNote = flatGroundNote(slot, host.city.manifest.title);
    const self = this;
    host.expose('simulation', {
      client, panel, broadcast, run: (peak, centre) => this.run(host, peak, centre), clear: () => this.clear(host),
      get lastRun() { return self.lastRun; },
    } satisfies LiveSimulation);
  }

  private clear(host: FeatureHost): void {
    this.abort?.abort();
    this.abort = null;
    this.frames = [];
    this.surface?.dispose();
    this.surface = null;
    const run = this.broadcast?.run;
    this.broadcast?.clear();
    if (run) this.shown.emit('clear', { run });
    this.panel?.resetFrames();
    host.legend.show(LEGEND, null);
    host.announce('flood', null);
    this.lastRun = null;
  }

  /** The square's centre: the given plane point, else the ground mid-screen, kept on the DEM. */
  private centre(host: FeatureHost, dem: DemGrid | null, centerM?: [number, number]): [number, number] {
    const frame = host.city.loadedModel?.frame;
    const mid = host.view.centreLonLat();
    let [cx, cy] = centerM ?? (mid && frame ? frame.toPlane(mid[0], mid[1]) : [0, 0]);
    if (dem) { cx = Math.min(Math.max(cx, dem.xMinM + 520), dem.xMaxM - 520); cy = Math.min(Math.max(cy, dem.yMinM + 520), dem.yMaxM - 520); }
    return [cx, cy];
  }

  private async run(host: FeatureHost, peakMmPerHour: number, centerM?: [number, number]): Promise<void> {
    const [dem, model] = await Promise.all([host.city.dem(), host.city.model()]);
    const [cx, cy] = this.centre(host, dem, centerM);
    this.clear(host);
    const abort = (this.abort = new AbortController()), signal = abort.signal;
    const panel = this.panel!, broadcast = this.broadcast!, workspace = this.view.workspace;
    panel.setRunning(true);
    const workers = globalThis.crossOriginIsolated && (navigator.hardwareConcurrency ?? 1) > 1 ? 2 : 1;
    const scenario = floodWhatIf(host.city.name, peakMmPerHour, cx, cy, workers);
    try {
      const reply = await this.client!.runFlood(scenario, {
        signal, workers, file: 'flood what-if',
        // A run cleared or replaced may still deliver a callback or two before it stops.
        onSetup: (info) => {
          if (signal.aborted) return;
          this.surface = new FloodSurface(workspace.viewer, info.grid, info.bedM, workspace.tilesets.terrain);
          broadcast.setup(info.grid, info.bedM);
          this.shown.emit('run', { run: broadcast.run!, scenario });
          host.legend.show(LEGEND, FLOOD_DEPTH_SCALE);
          const [lon, lat] = model.frame.toLonLat(cx, cy);
          host.view.lookAt(lon, lat, dem?.sample(cx, cy) ?? 0, 1500, -50);
        },
        onProgress: (p) => panel.setProgress(p.fraction, `Simulated ${Math.round(p.simTimeS / 60)} of 60 min · ${p.steps.toLocaleString('en')} steps · ${(p.elapsedMs / 1000).toFixed(1)} s`),
        onFrame: (f) => {
          if (signal.aborted) return;
          this.frames.push(f);
          panel.addFrame(f.timeS);
          this.surface?.show(f.depthM);
          broadcast.show(this.frames.length - 1, f.timeS, f.depthM);
          this.shown.emit('frame', { index: this.frames.length - 1, timeS: f.timeS });
        },
      });
      this.lastRun = { scenario, kpis: reply.kpis, workers: reply.workers };
      panel.showKpis(reply.kpis);
      panel.setProgress(1, `Done: ${reply.kpis.cells.toLocaleString('en')} cells, ${reply.kpis.steps.toLocaleString('en')} steps in ${reply.runS.toFixed(1)} s on ${reply.workers} worker(s).`);
      host.announce('flood', 'done');
    } finally {
      panel.setRunning(false);
    }
  }

  dispose(): void {
    this.flatNote?.remove();
    this.abort?.abort();
    this.surface?.dispose();
    this.broadcast?.clear();
    this.broadcast?.dispose();
    this.panel?.dispose();
    this.client?.dispose();
    this.shown.dispose();
  }
}

/**
 * A city imported without a DEM has flat ground at 0 m: the model still runs (rain, drainage,
 * buildings as walls), but water cannot run downhill, so it stands where it falls. The panel says so,
 * or a user would read the even depth as a finding about the city.
 */
function flatGroundNote(slot: HTMLElement, title: string): HTMLElement {
  const p = slot.appendChild(document.createElement('p'));
  p.className = 'muted sim-flat';
  p.textContent = `${title} came without an elevation model, so its ground is flat (0 m): water stands where it falls, and depths show rain minus drainage, not where runoff would collect. Import a DEM to see that.`;
  return p;
}
