import type { BuildingRecord } from '../../twin/BuildingRecord';
import type { PlaneUnit } from '../../twin/PlaneUnit';
import { UnitLocator } from '../../twin/UnitLocator';
import type { ImportReport } from '../import/ImportReport';

const KEY = { district: 'districtId', street: 'streetId', community: 'communityId', grid: 'gridId' } as const;

function centre(b: BuildingRecord): [number, number] {
  let x = 0, y = 0;
  for (const p of b.footprint) { x += p[0]; y += p[1]; }
  return [x / b.footprint.length, y / b.footprint.length];
}

/**
 * Gives every building its unit at each tier from the unit its footprint centre lies in (the
 * finest tier with geometry) and that unit's ancestors; tiers the city lacks stay ''. Buildings
 * in no unit keep empty ids and are reported.
 */
export function assignBuildings(buildings: BuildingRecord[], units: readonly PlaneUnit[], source: string, report: ImportReport): void {
  const locator = new UnitLocator(units);
  const byId = new Map(units.map((u) => [u.id, u]));
  const outside: string[] = [];
  for (const b of buildings) {
    b.districtId = b.streetId = b.communityId = b.gridId = '';
    let u = byId.get(locator.locate(...centre(b)) ?? '');
    if (!u) outside.push(b.id);
    for (; u && u.level !== 'city'; u = u.parentId ? byId.get(u.parentId) : undefined) b[KEY[u.level]] = u.id;
  }
  if (outside.length) report.add({ code: 'building-outside-units', action: 'note', source, message: 'buildings whose centre lies in no spatial unit (they hang under the city)', count: outside.length, sampleIds: outside.slice(0, 5) });
}
