import type { BuildingRecord } from '../../twin/BuildingRecord';
import { AnalysisScene } from '../scene/AnalysisScene';
import { prismsFromBuildings } from '../scene/PrismSet';

/**
 * Tests only: a scene on a synthetic DEM (1 km square, 10 m cells, origin at the centre, flat at
 * 500 m) with `ground(x, y)` added, and the given buildings standing on it.
 */
export function syntheticScene(buildings: BuildingRecord[], ground: (x: number, y: number) => number = () => 0): AnalysisScene {
  const n = 101, cs = 10, x0 = -500;
  const heightsM = new Float32Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) heightsM[j * n + i] = 500 + ground(x0 + i * cs, x0 + j * cs);
  const header = { originLonDeg: 104.06, originLatDeg: 30.66, xMinM: x0, yMinM: x0, cellSizeM: cs, width: n, height: n };
  const scene = new AnalysisScene({ prisms: { count: 0, ringStart: new Uint32Array(1), xyM: new Float64Array(0), baseM: new Float64Array(0), topM: new Float64Array(0) }, dem: { header, heightsM } });
  const { prisms } = prismsFromBuildings(buildings, scene.terrain!.dem);
  return new AnalysisScene({ prisms, dem: { header, heightsM } });
}
