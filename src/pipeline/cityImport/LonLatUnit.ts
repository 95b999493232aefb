import type { Position } from 'geojson';
import type { UnitLevel } from '../../twin/PlaneUnit';

/** A spatial unit as imported, before it goes to the city's plane: polygons in lon/lat (outer ring first). */
export interface LonLatUnit {
  id: string;
  level: UnitLevel;
  name: string;
  namePinyin: string;
  parentId: string | null;
  polygons: Position[][][];
}

/** [west, south, east, north] in degrees. */
export type BboxLonLat = [number, number, number, number];
