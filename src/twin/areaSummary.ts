import type { CityTwin } from './CityTwin';
import type { AreaQueryResult } from './queryArea';
import type { UnitLevel } from './SpatialHierarchy';
import { toCsv } from './toCsv';

/** A summary table: column names and one row object per line (the last row is the total). */
export interface SummaryTable {
  columns: string[];
  rows: Array<Record<string, string | number>>;
}

const COUNT_COLUMNS = ['buildings', 'people', 'households', 'companies', 'events', 'devices', 'sensors'] as const;

/**
 * The summary of an area query at one level (default community): a row per unit of that level
 * touched by the shape with its counts inside and the share of its buildings covered, then a
 * TOTAL row for the whole shape (which also counts buildings and sensors outside any unit).
 */
export function areaSummaryTable(result: AreaQueryResult, level: UnitLevel = 'community'): SummaryTable {
  const columns = ['unitId', 'level', 'name', ...COUNT_COLUMNS, 'coveragePct'];
  const rows: SummaryTable['rows'] = result.units.filter((u) => u.level === level).map((u) => ({
    unitId: u.unitId, level: u.level, name: u.name,
    ...Object.fromEntries(COUNT_COLUMNS.map((c) => [c, u[c]])), coveragePct: Math.round(u.coverage * 1000) / 10,
  }));
  rows.push({ unitId: 'TOTAL', level: 'area', name: `${Math.round(result.areaM2)} m²`, ...Object.fromEntries(COUNT_COLUMNS.map((c) => [c, result.totals[c]])), coveragePct: '' });
  return { columns, rows };
}

/** `areaSummaryTable` as CSV (RFC 4180; `bom` for spreadsheet programs). */
export function areaSummaryCsv(result: AreaQueryResult, level: UnitLevel = 'community', bom = false): string {
  const t = areaSummaryTable(result, level);
  return toCsv(t.columns, t.rows, bom);
}

/** One CSV line per building inside: id, address, use, floors, height and its linked counts. */
export function areaBuildingsCsv(twin: CityTwin, result: AreaQueryResult, bom = false): string {
  const columns = ['buildingId', 'addressId', 'address', 'addressPinyin', 'use', 'floors', 'heightM', 'people', 'households', 'companies', 'events', 'devices', 'gridId'];
  const rows = result.buildingIndices.map((i) => {
    const b = twin.buildings[i];
    return { buildingId: b.id, addressId: b.addressId, address: b.address, addressPinyin: b.addressPinyin, use: b.use, floors: b.floors, heightM: b.heightM, ...twin.registry.countsOfBuilding(i), gridId: b.gridId };
  });
  return toCsv(columns, rows, bom);
}
