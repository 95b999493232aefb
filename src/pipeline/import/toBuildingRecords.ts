import type { LocalFrame } from '../../geo/LocalFrame';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import type { BuildingUse } from '../../twin/BuildingUse';
import { buildingAttributes, type BuildingAttributes } from './buildingAttributes';
import { cleanFootprint, signedArea } from './cleanFootprint';
import type { ImportReport } from './ImportReport';

/** A source building whose outer ring is already WGS84 lon/lat (interleaved degrees). */
export interface LonLatBuilding {
  id: string;
  ringLonLat: Float64Array;
  attributes: Record<string, unknown>;
}

export interface BuildingDefaults {
  /** Storey height used to turn levels into height and height into floors (m). Default 3. */
  floorHeightM?: number;
  /** Height of a building with neither height nor levels (m). Default 9 (three storeys). */
  defaultHeightM?: number;
  /** Side of the derived grid cells that stand in for spatial units (m). Default 250. */
  gridCellM?: number;
}

/** Floor area per occupant by use (m²), as the demo city uses (residential ~33 m² per person in Chengdu). */
const AREA_PER_PERSON_M2: Record<BuildingUse, number> = {
  residential: 33, commercial: 25, office: 15, industrial: 60, school: 10, hospital: 20,
  fire_station: 80, police: 40, stadium: 1.5, government: 30,
};
/** Share of gross floor area that is usable (the demo city's 0.35 factor). */
const USABLE_SHARE = 0.35;
const MAX_HEIGHT_M = 1000;

interface Tally { fromLevels: string[]; defaulted: string[]; useGuessed: string[] }

function heightAndFloors(id: string, at: BuildingAttributes, d: Required<BuildingDefaults>, t: Tally, source: string, report: ImportReport): [number, number] {
  for (const u of at.unreadable) {
    report.add({ code: 'bad-height', action: 'defaulted', source, featureId: id, message: `unreadable ${u}; fell back to the next height source` });
  }
  let h = at.heightM;
  if (h > MAX_HEIGHT_M) {
    report.add({ code: 'height-implausible', action: 'defaulted', source, featureId: id, message: `height ${h} m > ${MAX_HEIGHT_M} m (unit error?); ignored` });
    h = NaN;
  }
  const levels = at.levels > 0 && at.levels < 300 ? at.levels : NaN;
  if (Number.isFinite(h)) return [h, Number.isFinite(levels) ? Math.max(1, Math.round(levels)) : Math.max(1, Math.round(h / d.floorHeightM))];
  if (Number.isFinite(levels)) { t.fromLevels.push(id); return [levels * d.floorHeightM, Math.max(1, Math.round(levels))]; }
  t.defaulted.push(id);
  return [d.defaultHeightM, Math.max(1, Math.round(d.defaultHeightM / d.floorHeightM))];
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Turns lon/lat source buildings into BuildingRecords in `frame`: footprints cleaned (see
 * cleanFootprint; repairs and skips reported per building), height from `height`, else levels x
 * storey height, else the stated default (both counted), use and address from attributes,
 * population estimated from floor area, and grid ids from a square grid in the frame (no
 * district/street/community units exist in raw data, so those ids are '').
 */
export function toBuildingRecords(input: LonLatBuilding[], frame: LocalFrame, source: string, report: ImportReport, defaults: BuildingDefaults = {}): BuildingRecord[] {
  const d = { floorHeightM: 3, defaultHeightM: 9, gridCellM: 250, ...defaults };
  const t: Tally = { fromLevels: [], defaulted: [], useGuessed: [] };
  const out: BuildingRecord[] = [];
  const seen = new Set<string>();
  for (const b of input) {
    const ring: Array<[number, number]> = [];
    for (let i = 0; i < b.ringLonLat.length; i += 2) ring.push(frame.toPlane(b.ringLonLat[i], b.ringLonLat[i + 1]));
    if (ring.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) {
      report.add({ code: 'bad-coordinates', action: 'skipped', source, featureId: b.id, message: 'footprint has non-numeric or untransformable coordinates' });
      continue;
    }
    const clean = cleanFootprint(ring);
    if (!clean.ok) { report.add({ code: clean.code, action: 'skipped', source, featureId: b.id, message: clean.reason }); continue; }
    if (clean.repairs.length) {
      const code = clean.repairs.some((r) => r.startsWith('self-intersecting')) ? 'self-intersection' : 'ring-cleaned';
      report.add({ code, action: 'repaired', source, featureId: b.id, message: clean.repairs.join('; ') });
    }
    const at = buildingAttributes(b.attributes);
    const [heightM, floors] = heightAndFloors(b.id, at, d, t, source, report);
    if (at.useGuessed) t.useGuessed.push(b.id);
    clean.parts.forEach((footprint, k) => {
      let id = clean.parts.length > 1 ? `${b.id}~${k + 1}` : b.id;
      if (seen.has(id)) {
        const unique = `${id}#${out.length + 1}`;
        report.add({ code: 'duplicate-id', action: 'repaired', source, featureId: id, message: `id used before; renamed ${unique}` });
        id = unique;
      }
      seen.add(id);
      let cx = 0, cy = 0;
      for (const p of footprint) { cx += p[0]; cy += p[1]; }
      cx /= footprint.length; cy /= footprint.length;
      const area = Math.abs(signedArea(footprint));
      out.push({
        id, footprint: footprint.map(([x, y]) => [r2(x), r2(y)] as [number, number]), heightM: r2(heightM), floors, use: at.use,
        addressId: at.addressId || (at.address ? `A-${id}` : ''), address: at.address, addressPinyin: at.addressPinyin,
        population: Math.round((area * floors * USABLE_SHARE) / AREA_PER_PERSON_M2[at.use]),
        districtId: '', streetId: '', communityId: '',
        gridId: `G${Math.floor(cx / d.gridCellM)}_${Math.floor(cy / d.gridCellM)}`,
      });
    });
  }
  report.addBulk('height-from-levels', 'defaulted', source, t.fromLevels, `no height; height = levels x ${d.floorHeightM} m`);
  report.addBulk('height-default', 'defaulted', source, t.defaulted, `neither height nor levels; stated default ${d.defaultHeightM} m (${Math.round(d.defaultHeightM / d.floorHeightM)} floors)`);
  report.addBulk('use-default', 'defaulted', source, t.useGuessed, 'no tag says the use; stated default "residential"');
  return out;
}
