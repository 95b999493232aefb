import { AnalysisScene } from '../../../analysis/scene/AnalysisScene';
import { citySceneData } from '../../../analysis/scene/citySceneData';
import type { DemGrid } from '../../../geo/DemGrid';
import type { LocalFrame } from '../../../geo/LocalFrame';
import type { BuildingRecord } from '../../../twin/BuildingRecord';
import type { CityTwin } from '../../../twin/CityTwin';
import { AnalysisClient } from '../../../../workers/analysisClient';
import type { CityContext } from '../../host/CityContext';

/**
 * What the analysis tools of a page share about its city: the model and DEM, the scene (every
 * building a prism on the DEM) on the main thread for the cheap tools (ground and roof heights,
 * height limits) and in the analysis workers for the ray casting ones (sunlight, sight lines,
 * viewshed, skyline, profile). Built once, on the first tool's first use.
 */
export interface CityAnalysis {
  readonly model: CityTwin;
  readonly dem: DemGrid | null;
  readonly frame: LocalFrame;
  readonly scene: AnalysisScene;
  /** The building behind each prism of the scene. */
  readonly prismBuilding: Uint32Array;
  /** The ground a building's floors count from (m). */
  groundM(b: BuildingRecord): number;
  /** Index of a building id in the model, or -1. */
  indexOf(id: string): number;
  /** Ground or roof under a lon/lat (m): where a picked point lies. */
  surfaceAt(lonDeg: number, latDeg: number): number;
  readonly client: AnalysisClient;
}

interface Shared { users: number; promise: Promise<CityAnalysis> | null; client: AnalysisClient | null }
const shared = new WeakMap<CityContext, Shared>();

async function build(city: CityContext, s: Shared): Promise<CityAnalysis> {
  const [model, dem] = await Promise.all([city.model(), city.dem()]);
  const { data, groundM, prismBuilding } = citySceneData({ buildings: model.buildings, dem });
  const scene = new AnalysisScene(data);
  const client = (s.client = new AnalysisClient());
  await client.setScene(data);
  const ids = new Map(model.buildings.map((b, i) => [b.id, i]));
  const frame = model.frame;
  return {
    model, dem, frame, scene, prismBuilding, groundM, client,
    indexOf: (id) => ids.get(id) ?? -1,
    surfaceAt: (lon, lat) => { const [x, y] = frame.toPlane(lon, lat); return scene.surfaceM(x, y); },
  };
}

/**
 * A lease on the city's analysis: `get()` builds it on first use (shared by every tool of the
 * page), `release()` ends the lease; the workers stop when the last one is released.
 */
export function leaseCityAnalysis(city: CityContext): { get(): Promise<CityAnalysis>; release(): void } {
  let s = shared.get(city);
  if (!s) shared.set(city, (s = { users: 0, promise: null, client: null }));
  const entry = s;
  entry.users++;
  let released = false;
  return {
    get: () => (entry.promise ??= build(city, entry)),
    release: () => {
      if (released) return;
      released = true;
      if (--entry.users > 0) return;
      entry.client?.dispose();
      shared.delete(city);
    },
  };
}
