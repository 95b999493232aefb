import { AnalysisScene } from '../../analysis/scene/AnalysisScene';
import { citySceneData } from '../../analysis/scene/citySceneData';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import type { ScenarioCity } from '../city/ScenarioCity';

const scenes = new WeakMap<ScenarioCity, { scene: AnalysisScene; groundM: (b: BuildingRecord) => number }>();

/** The analysis scene (every building a prism on the DEM) of a scenario city, built once per city object. */
export function planningScene(city: ScenarioCity): { scene: AnalysisScene; groundM: (b: BuildingRecord) => number } {
  let s = scenes.get(city);
  if (!s) {
    const { data, groundM } = citySceneData(city.city);
    scenes.set(city, (s = { scene: new AnalysisScene(data), groundM }));
  }
  return s;
}
