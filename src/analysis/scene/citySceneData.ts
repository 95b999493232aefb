import type { DemGrid } from '../../geo/DemGrid';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import type { SceneData } from './AnalysisScene';
import { prismsFromBuildings } from './PrismSet';

/** The scene of a city (every building a prism on its DEM), the ground each building stands on, and the building of each prism. */
export function citySceneData(city: { buildings: ReadonlyArray<BuildingRecord>; dem: DemGrid | null }): { data: SceneData; groundM: (b: BuildingRecord) => number; prismBuilding: Uint32Array } {
  const { prisms, index } = prismsFromBuildings(city.buildings, city.dem);
  const dem = city.dem;
  return {
    data: { prisms, dem: dem ? { header: dem.header(), heightsM: dem.heightsM } : null },
    prismBuilding: index,
    groundM: (b) => {
      if (!dem) return 0;
      let x = 0, y = 0;
      for (const p of b.footprint) { x += p[0]; y += p[1]; }
      return dem.sample(x / b.footprint.length, y / b.footprint.length);
    },
  };
}
