import type { RasterGrid } from '../sim/core/RasterGrid';
import { FloodReceiver } from '../sim/flood/FloodReceiver';
import type { Legend } from '../ui/Legend';
import { FLOOD_DEPTH_SCALE } from '../view/overlay/floodDepthScale';
import { FloodWaterSurface } from '../view/three/FloodWaterSurface';
import type { WallView } from '../view/three/WallView';

/** What the wall shows of the workspace's flood run (`window.twin.flood`). */
export interface WallFlood {
  receiver: FloodReceiver;
  /** The water of the run shown, or null. */
  surface(): FloodWaterSurface | null;
  dispose(): void;
}

/** "Flood · 35 min · peak 0.82 m": the caption of a frame. */
function floodCaption(timeS: number, peakM: number): string {
  return `Flood · ${Math.round(timeS / 60)} min · peak ${peakM.toFixed(2)} m`;
}

/**
 * The workspace's flood what-if on the wall: follows the city's flood channel (FloodReceiver),
 * draws each run as a FloodWaterSurface (replaced on a new run, removed on clear), shows the depth
 * legend and the shown frame's simulated time and peak depth in `caption`. Body data attributes
 * for tests and screens: `data-flood` (shown | cleared), `data-flood-frames` (frames received).
 * `onRun` hears of each run's grid when it is set up and of null when it is cleared (the tour stop).
 */
export function startWallFlood(wall: WallView, channelName: string, legend: Legend, caption: HTMLElement,
  onRun: (grid: RasterGrid | null) => void = () => {}): WallFlood {
  let surface: FloodWaterSurface | null = null;
  const body = document.body.dataset;
  const remove = () => {
    surface?.dispose();
    surface = null;
    caption.textContent = '';
    legend.show(null);
  };
  const receiver = new FloodReceiver(channelName, {
    onSetup: (_run: string, grid: RasterGrid, bedM: Float32Array) => {
      remove();
      surface = new FloodWaterSurface(grid, bedM, wall.frame, wall.look, wall.scene);
      legend.show(FLOOD_DEPTH_SCALE);
      onRun(grid);
    },
    onFrame: (f) => {
      if (!surface) return;
      surface.show(f.depthM);
      caption.textContent = floodCaption(f.timeS, surface.maxDepthM);
      body.flood = 'shown';
      body.floodFrames = String(receiver.frames);
    },
    onClear: () => {
      remove();
      body.flood = 'cleared';
      onRun(null);
    },
  });
  return {
    receiver,
    surface: () => surface,
    dispose: () => { receiver.dispose(); remove(); },
  };
}
