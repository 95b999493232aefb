import { readFile } from 'node:fs/promises';
import { UNIT_KINDS, type UnitKind } from '../../dispatch/Fleet';
import { UNIT_CAPABILITIES, vehiclesForStations } from '../../dispatch/stationFleet';
import type { HospitalRecord, ResourcesFile, ShelterRecord, StationRecord, VehicleRecord } from '../../twin/package/packageRecords';
import { roundDeg } from '../package/geoJsonText';
import type { ImportConfig } from './ImportConfig';
import type { OsmFacility } from './osm/osmFacilities';
import { parseCsv } from './sources/parseCsv';
import { readSourceFeatures, sourcePath, type SourceContext } from './sources/readSourceFeatures';
import type { SourceFeature } from './sources/SourceFeature';

/** Covered floor area per sheltered person (m², the Sphere minimum) and the usable share of a floor. */
const SHELTER_M2_PER_PERSON = 3.5, SHELTER_USABLE = 0.6;
const STATION_KINDS = new Set<StationRecord['kind']>(['fire_station', 'hospital', 'police', 'ambulance_station']);

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const count = (v: unknown) => { const n = Number.parseInt(text(v), 10); return Number.isFinite(n) && n > 0 ? n : null; };
const osmRef = (osmId: string) => `osm-${osmId[0]}${osmId.replace(/\D/g, '')}`;

/** Resource lists being filled. */
interface Lists { stations: StationRecord[]; hospitals: HospitalRecord[]; shelters: ShelterRecord[] }

/** Resources read, and what was estimated rather than read (for the package's provenance). */
export interface ImportedResources {
  resources: ResourcesFile;
  derived: string[];
}

function fromOsm(facilities: readonly OsmFacility[], r: NonNullable<ImportConfig['resources']>, derived: string[]): Lists {
  const stations: StationRecord[] = [], hospitals: HospitalRecord[] = [], shelters: ShelterRecord[] = [];
  const levels = (f: OsmFacility, d: number) => count(f.tags['building:levels']) ?? d;
  let bedsGuessed = 0, capacityGuessed = 0;
  for (const f of facilities) {
    const id = osmRef(f.osmId), name = f.name || `${f.tag} ${f.osmId}`, lonDeg = roundDeg(f.lonDeg), latDeg = roundDeg(f.latDeg), source = `osm:${f.osmId}`;
    if (STATION_KINDS.has(f.kind as StationRecord['kind'])) stations.push({ id, name, kind: f.kind as StationRecord['kind'], lonDeg, latDeg, buildingId: null, source });
    if (f.kind === 'hospital') {
      const read = count(f.tags.beds), beds = read ?? (f.areaM2 > 0 ? Math.max(10, Math.round((f.areaM2 * levels(f, 5)) / 100)) : r.defaultBeds ?? 300);
      if (read === null) bedsGuessed++;
      hospitals.push({ id, name, lonDeg, latDeg, beds, ...(read === null ? { bedsEstimated: true } : {}), buildingId: null, source });
    }
    if (f.kind === 'shelter') {
      const read = count(f.tags.capacity);
      const capacityPeople = read ?? (f.areaM2 > 0 ? Math.floor((f.areaM2 * levels(f, f.tag === 'school' ? 3 : 1) * SHELTER_USABLE) / SHELTER_M2_PER_PERSON) : r.defaultShelterCapacity ?? 500);
      if (read === null) capacityGuessed++;
      shelters.push({ id, name, lonDeg, latDeg, capacityPeople, ...(read === null ? { capacityEstimated: true } : {}), buildingId: null, source });
    }
  }
  if (bedsGuessed) derived.push(`${bedsGuessed} hospital bed counts estimated (100 m² of floor per bed, else ${r.defaultBeds ?? 300})`);
  if (capacityGuessed) derived.push(`${capacityGuessed} shelter capacities estimated (${SHELTER_M2_PER_PERSON} m² a person on ${SHELTER_USABLE * 100} % of the floor area; schools and assembly points are shelters)`);
  return { stations, hospitals, shelters };
}

const pointOf = (f: SourceFeature): [number, number] => {
  const g = f.geometry;
  const p = g.type === 'Point' ? g.coordinates : g.type === 'Polygon' ? g.coordinates[0][0] : g.type === 'MultiPolygon' ? g.coordinates[0][0][0] : g.coordinates[0];
  return [roundDeg(p[0]), roundDeg(p[1])];
};

async function fromTables(r: NonNullable<ImportConfig['resources']>, ctx: SourceContext, out: Lists): Promise<void> {
  const table = async (key: 'stations' | 'hospitals' | 'shelters') => {
    const spec = r[key];
    return spec ? { f: (spec.fields ?? {}) as Record<string, string>, rows: await readSourceFeatures(spec, ctx, `/resources/${key}`) } : null;
  };
  const st = await table('stations');
  for (const x of st?.rows ?? []) {
    const kind = text(x.properties[st!.f.kind ?? 'kind']) as StationRecord['kind'];
    if (!STATION_KINDS.has(kind)) { ctx.report.add({ code: 'station-kind', action: 'skipped', source: x.where, message: `kind "${kind}": expected one of ${[...STATION_KINDS].join(', ')}` }); continue; }
    const [lonDeg, latDeg] = pointOf(x);
    out.stations.push({ id: text(x.properties[st!.f.id ?? 'id']) || `S${out.stations.length + 1}`, name: text(x.properties[st!.f.name ?? 'name']), kind, lonDeg, latDeg, buildingId: null, source: x.where });
  }
  const ho = await table('hospitals');
  for (const x of ho?.rows ?? []) {
    const [lonDeg, latDeg] = pointOf(x), beds = count(x.properties[ho!.f.beds ?? 'beds']);
    out.hospitals.push({ id: text(x.properties[ho!.f.id ?? 'id']) || `H${out.hospitals.length + 1}`, name: text(x.properties[ho!.f.name ?? 'name']), lonDeg, latDeg, beds: beds ?? r.defaultBeds ?? 300, ...(beds === null ? { bedsEstimated: true } : {}), buildingId: null, source: x.where });
  }
  const sh = await table('shelters');
  for (const x of sh?.rows ?? []) {
    const [lonDeg, latDeg] = pointOf(x), cap = count(x.properties[sh!.f.capacity ?? 'capacity']);
    out.shelters.push({ id: text(x.properties[sh!.f.id ?? 'id']) || `SH${out.shelters.length + 1}`, name: text(x.properties[sh!.f.name ?? 'name']), lonDeg, latDeg, capacityPeople: cap ?? r.defaultShelterCapacity ?? 500, ...(cap === null ? { capacityEstimated: true } : {}), buildingId: null, source: x.where });
  }
}

async function vehicleTable(r: NonNullable<ImportConfig['resources']>, ctx: SourceContext, stationIds: Set<string>): Promise<VehicleRecord[]> {
  const spec = r.vehicles!, path = sourcePath(spec.file, ctx, '/resources/vehicles/file'), f = (spec.fields ?? {}) as Record<string, string>;
  return parseCsv(await readFile(path, 'utf8'), path).rows.flatMap((row) => {
    const kind = row.values[f.kind ?? 'kind'] as UnitKind, stationId = row.values[f.stationId ?? 'stationId'];
    const bad = !UNIT_KINDS.includes(kind) ? `kind "${kind}": expected one of ${UNIT_KINDS.join(', ')}` : !stationIds.has(stationId) ? `stationId "${stationId}": no such station` : null;
    if (bad) { ctx.report.add({ code: 'vehicle', action: 'skipped', source: `${path}:${row.line}`, message: bad }); return []; }
    const caps = (row.values[f.capabilities ?? 'capabilities'] ?? '').split(';').map((c) => c.trim()).filter(Boolean);
    return [{ id: row.values[f.id ?? 'id'] || `${stationId}/${kind}-${row.line}`, kind, stationId, capabilities: caps.length ? caps : UNIT_CAPABILITIES[kind] }];
  });
}

/**
 * The city's emergency resources: from the OSM file (`"osm": true`: fire stations, hospitals,
 * police, ambulance stations, shelters) and/or tables; vehicles from a CSV, else the default
 * vehicles per station (marked synthetic). No `resources` in the config: none, and said so.
 */
export async function importResources(r: ImportConfig['resources'], facilities: readonly OsmFacility[] | null, ctx: SourceContext): Promise<ImportedResources> {
  const derived: string[] = [];
  if (!r) return { resources: { stations: [], vehicles: [], hospitals: [], shelters: [] }, derived: ['none given: the city has no stations, vehicles, hospitals or shelters (dispatch says so)'] };
  if (r.osm && !facilities) throw new Error('import config /resources/osm: true needs an OSM buildings file to take the facilities from');
  const base: Lists = r.osm && facilities ? fromOsm(facilities, r, derived) : { stations: [], hospitals: [], shelters: [] };
  await fromTables(r, ctx, base);
  const vehicles = r.vehicles ? await vehicleTable(r, ctx, new Set(base.stations.map((s) => s.id))) : vehiclesForStations(base.stations);
  if (!r.vehicles && vehicles.length) derived.push(`${vehicles.length} vehicles placed by the default rule (fire station: 3 engines + 1 ambulance; hospital: 3 ambulances; police: 2 cars), marked synthetic`);
  return { resources: { ...base, vehicles }, derived };
}
