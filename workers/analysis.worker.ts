/**
 * Analysis worker: the ray-casting tools of src/analysis behind comlink (sunlight hours, line of
 * sight, viewshed, skyline, elevation profile), so they never block the page. The scene (building
 * prisms and the DEM) arrives once as typed arrays; results come back with their arrays
 * transferred. Cheap tools (measurement, height limits, section planes) run where they are called.
 */
import { expose, transfer } from 'comlink';
import { LocalFrame } from '../src/geo/LocalFrame';
import { skyline, type SkylineProfile, type SkylineRequest } from '../src/analysis/limits/skyline';
import { elevationProfile, type ProfileSample } from '../src/analysis/measure/measure';
import { AnalysisScene, type SceneData } from '../src/analysis/scene/AnalysisScene';
import { lineOfSight, type LineOfSight, type PlanePoint } from '../src/analysis/sight/lineOfSight';
import { viewshed, type Viewshed, type ViewshedRequest } from '../src/analysis/sight/viewshed';
import type { FacadeSamples } from '../src/analysis/sunlight/FacadeSamples';
import { sunlightMinutes } from '../src/analysis/sunlight/sunlightMinutes';
import type { SunPath } from '../src/analysis/sun/sunPath';

/** What setScene reports. */
export interface SceneInfo {
  prisms: number;
  gridCells: number;
  demNodes: number;
  buildS: number;
}

let scene: AnalysisScene | null = null;

function need(): AnalysisScene {
  if (!scene) throw new Error('analysis worker: no scene; call setScene(data) first');
  return scene;
}

export const api = {
  /** Builds the ray index over the prisms and the DEM (replaces any previous scene). */
  setScene(data: SceneData, cellSizeM = 32): SceneInfo {
    const t0 = performance.now();
    scene = new AnalysisScene(data, cellSizeM);
    return { prisms: data.prisms.count, gridCells: scene.grid.nx * scene.grid.ny, demNodes: data.dem ? data.dem.heightsM.length : 0, buildS: (performance.now() - t0) / 1000 };
  },

  /** The scene's size, or null before setScene (a cheap round trip: the worker is up). */
  info(): { prisms: number; demNodes: number } | null {
    return scene ? { prisms: scene.data.prisms.count, demNodes: scene.data.dem ? scene.data.dem.heightsM.length : 0 } : null;
  },

  /** Minutes of sun per facade sample over the path (see sunlightMinutes). */
  sunlight(samples: FacadeSamples, path: SunPath, minRunMin = 1, onProgress?: (fraction: number) => void): Float32Array {
    const minutes = sunlightMinutes(need(), samples, path, { minRunMin, onProgress: onProgress && ((f) => void onProgress(f)) });
    return transfer(minutes, [minutes.buffer]);
  },

  lineOfSight(from: PlanePoint, to: PlanePoint, toleranceM?: number): LineOfSight {
    return lineOfSight(need(), from, to, toleranceM);
  },

  viewshed(req: ViewshedRequest, onProgress?: (fraction: number) => void): Viewshed {
    const v = viewshed(need(), req, onProgress && ((f) => void onProgress(f)));
    return transfer(v, [v.cells.buffer, v.surfaceM.buffer]);
  },

  skyline(req: SkylineRequest): SkylineProfile {
    const p = skyline(need(), req);
    return transfer(p, [p.azimuthDeg.buffer, p.elevationDeg.buffer, p.distanceM.buffer, p.prism.buffer]);
  },

  /** Profile along a plane polyline; lon/lat of the samples from the frame at `originLonLat`. */
  profile(lineM: Array<[number, number]>, stepM: number, originLonLat: [number, number]): { samples: ProfileSample[]; horizontalM: number; surfaceM: number } {
    const frame = new LocalFrame(originLonLat[0], originLonLat[1]);
    return elevationProfile(need(), lineM, stepM, (x, y) => frame.toLonLat(x, y));
  },

  /** Drops the scene. */
  dispose(): void {
    scene = null;
  },
};

export type AnalysisApi = typeof api;

// Only inside a worker: importing this module in node (tests) must not start listening.
if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  expose(api);
}
