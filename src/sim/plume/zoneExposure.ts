import type { BuildingRecord } from '../../twin/BuildingRecord';
import { cellIndexAt, type RasterGrid } from '../core/RasterGrid';

/** What the exposure count needs of a building (a BuildingRecord has it all). */
export type ZoneBuilding = Pick<BuildingRecord, 'footprint' | 'population' | 'districtId' | 'streetId' | 'communityId' | 'gridId'>;

/** Buildings and people inside a zone for one spatial unit. */
export interface UnitExposure {
  unitId: string;
  level: 'district' | 'street' | 'community' | 'grid';
  buildings: number;
  /** People normally in those buildings. */
  population: number;
}

/** Buildings and people inside a zone, in total and per spatial unit (largest population first). */
export interface ZoneExposure {
  /** Indices into the buildings list given, ascending. */
  buildingIndices: Uint32Array;
  buildings: number;
  population: number;
  byUnit: UnitExposure[];
}

const LEVELS = ['district', 'street', 'community', 'grid'] as const;

/**
 * Counts the buildings touching the zone (their centroid or any footprint corner lies in a zone
 * cell: a building half inside is evacuated whole) and their population, per district, street,
 * community and grid cell.
 */
export function zoneExposure(grid: RasterGrid, zone: Uint8Array, buildings: ReadonlyArray<ZoneBuilding>): ZoneExposure {
  const hit: number[] = [];
  const tally = new Map<string, UnitExposure>();
  let population = 0;
  buildings.forEach((b, idx) => {
    if (!touchesZone(grid, zone, b.footprint)) return;
    hit.push(idx);
    population += b.population;
    const ids = [b.districtId, b.streetId, b.communityId, b.gridId];
    LEVELS.forEach((level, l) => {
      const e = tally.get(ids[l]) ?? { unitId: ids[l], level, buildings: 0, population: 0 };
      e.buildings++;
      e.population += b.population;
      tally.set(ids[l], e);
    });
  });
  const byUnit = [...tally.values()].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || b.population - a.population || (a.unitId < b.unitId ? -1 : 1));
  return { buildingIndices: Uint32Array.from(hit), buildings: hit.length, population, byUnit };
}

function touchesZone(grid: RasterGrid, zone: Uint8Array, ring: ReadonlyArray<readonly [number, number]>): boolean {
  let cx = 0, cy = 0;
  for (const p of ring) {
    const k = cellIndexAt(grid, p[0], p[1]);
    if (k >= 0 && zone[k]) return true;
    cx += p[0]; cy += p[1];
  }
  const k = cellIndexAt(grid, cx / ring.length, cy / ring.length);
  return k >= 0 && zone[k] !== 0;
}
