import type { RasterGrid } from '../../../sim/core/RasterGrid';
import { floodChannelName } from '../../../sim/flood/floodBroadcastProtocol';
import { FloodReceiver } from '../../../sim/flood/FloodReceiver';
import { FLOOD_DEPTH_SCALE } from '../../../view/overlay/floodDepthScale';
import { FloodWaterSurface } from '../../../view/three/FloodWaterSurface';
import { floodStop } from '../../../view/three/tourStops';
import type { HubSide } from '../../../hub/client/HubLink';
import type { Feature } from '../../host/Feature';
import type { LiveSignsFeature } from '../liveSigns/LiveSignsFeature';
import { RemoteFloodRun } from './RemoteFloodRun';
import type { FeatureHost } from '../../host/FeatureHost';
import type { WallViewPort } from '../../views/startWallView';

/** What the wall shows of the workspace's flood run (`window.twin.flood`). */
export interface WallFlood {
  receiver: FloodReceiver;
  /** Runs that came through the hub from a workspace on another machine, computed here. */
  remote: RemoteFloodRun;
  /** The water of the run shown, or null. */
  surface(): FloodWaterSurface | null;
}

const LEGEND = 'flood';

/** "Flood · 35 min · peak 0.82 m": the caption of a frame. */
function floodCaption(timeS: number, peakM: number): string {
  return `Flood · ${Math.round(timeS / 60)} min · peak ${peakM.toFixed(2)} m`;
}

/**
 * The workspace's flood what-if on the wall: follows the city's flood channel, draws each run
 * as a FloodWaterSurface (replaced on a new run, removed on clear) with the depth legend and the
 * frame's time and peak in the captions, and makes it the tour's stop after the city overview.
 * Page states: `body[data-flood]` (shown | cleared), `body[data-flood-frames]` (frames received).
 */
export class WallFloodFeature implements Feature {
  readonly name = 'wallFlood';
  private receiver: FloodReceiver | null = null;
  private surface: FloodWaterSurface | null = null;
  private caption: HTMLElement | null = null;
  private remote: RemoteFloodRun | null = null;
  private offRemote: () => void = () => {};
  private offSide: () => void = () => {};

  /** `live`: the wall's live signs; with them, runs from workspaces on other machines arrive through the hub. */
  constructor(private readonly view: WallViewPort, private readonly live?: LiveSignsFeature) {}

  init(host: FeatureHost): void {
    const wall = this.view.wall;
    const caption = (this.caption = document.createElement('div'));
    caption.className = 'wall-flood-caption';
    caption.setAttribute('aria-live', 'polite');
    this.view.captions.appendChild(caption);
    const remove = () => {
      this.surface?.dispose();
      this.surface = null;
      caption.textContent = '';
      host.legend.show(LEGEND, null);
    };
    const handlers = {
      onSetup: (_run: string, grid: RasterGrid, bedM: Float32Array) => {
        remove();
        this.surface = new FloodWaterSurface(grid, bedM, wall.frame, wall.look, wall.scene);
        host.legend.show(LEGEND, FLOOD_DEPTH_SCALE);
        this.view.setFeaturedStop(this.name, floodStop(grid));
      },
      onFrame: (f: { index: number; timeS: number; depthM: Float32Array }) => {
        if (!this.surface) return;
        this.surface.show(f.depthM);
        caption.textContent = floodCaption(f.timeS, this.surface.maxDepthM);
        host.announce('flood', 'shown');
        host.announce('floodFrames', String(receiver.frames + remote.computed));
      },
      onClear: () => {
        remove();
        host.announce('flood', 'cleared');
        this.view.setFeaturedStop(this.name, null);
      },
    };
    // A run from this machine's workspace (BroadcastChannel) replaces one computed from the hub.
    const receiver = (this.receiver = new FloodReceiver(floodChannelName(host.city.name), { ...handlers, onSetup: (run, grid, bedM) => { remote.stop(); handlers.onSetup(run, grid, bedM); } }));
    const remote = (this.remote = new RemoteFloodRun({ ...handlers, onError: (m) => host.status(`Flood run from the hub failed here: ${m}`) }, () => receiver.run));
    this.live?.whenLive((signs) => {
      const follow = (side: HubSide | null) => {
        this.offRemote();
        this.offRemote = side ? side.state.events.subscribe('floodRun', (m) => remote.take(m)) : () => {};
        if (side?.state.floodRun) remote.take(side.state.floodRun);
      };
      this.offSide = signs.hub.events.subscribe('side', follow);
      follow(signs.hub.side);
    });
    host.expose('flood', { receiver, remote, surface: () => this.surface } satisfies WallFlood);
  }

  dispose(): void {
    this.offSide();
    this.offRemote();
    this.remote?.dispose();
    this.receiver?.dispose();
    this.surface?.dispose();
    this.caption?.remove();
  }
}
