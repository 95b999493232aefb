import type { LocalFrame } from '../../geo/LocalFrame';
import { sensorUnits } from '../../signs/registry/sensorUnits';
import { SENSOR_KIND_SPECS, SENSOR_KINDS, type SensorKind } from '../../signs/schema/sensorKinds';
import { sensorTopic } from '../../signs/topics';
import { UnitIndex } from '../../signs/units/UnitIndex';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import { BuildingGrid, pointInRing } from '../../twin/BuildingGrid';
import type { AddressRecord, SensorRecord, SensorsFile } from '../../twin/package/packageRecords';
import type { PoiRecord } from '../../twin/package/readPois';
import type { PlaneUnit } from '../../twin/PlaneUnit';
import { UnitLocator } from '../../twin/UnitLocator';
import { roundDeg } from '../package/geoJsonText';
import type { SourceSpec } from './ImportConfig';
import type { OsmFacility } from './osm/osmFacilities';
import { readSourceFeatures, type SourceContext } from './sources/readSourceFeatures';
import type { SourceFeature } from './sources/SourceFeature';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const at = (f: SourceFeature): [number, number] => (f.geometry.type === 'Point' ? f.geometry.coordinates : [NaN, NaN]);

/**
 * A sensor registry from a point table (fields id, kind, nominal, name): each sensor in the finest
 * unit it lies in, its topic city/<city>/<district>/<kind>/<id>. Rows of an unknown kind or outside
 * every unit are reported and skipped.
 */
export async function sensorsFromTable(spec: SourceSpec, ctx: SourceContext, city: string, frame: LocalFrame, units: readonly PlaneUnit[]): Promise<SensorsFile> {
  const f = (spec.fields ?? {}) as Record<string, string>, index = new UnitIndex(units), locator = new UnitLocator(units);
  const sensors: SensorRecord[] = [];
  for (const row of await readSourceFeatures(spec, ctx, '/sensors')) {
    const kind = text(row.properties[f.kind ?? 'kind']) as SensorKind, [lonDeg, latDeg] = at(row);
    const unitId = locator.locate(...frame.toPlane(lonDeg, latDeg));
    const bad = !SENSOR_KINDS.includes(kind) ? `kind "${kind}": expected one of ${SENSOR_KINDS.join(', ')}` : unitId === null ? 'outside every spatial unit of the city' : null;
    if (bad) { ctx.report.add({ code: 'sensor', action: 'skipped', source: row.where, message: bad }); continue; }
    const id = text(row.properties[f.id ?? 'id']) || `${SENSOR_KIND_SPECS[kind].idPrefix}-${sensors.length + 1}`;
    const u = sensorUnits(index, index.require(unitId!)), label = text(row.properties[f.name ?? 'name']);
    sensors.push({
      id, kind, lonDeg: roundDeg(lonDeg), latDeg: roundDeg(latDeg), unit: SENSOR_KIND_SPECS[kind].unit, topic: sensorTopic(city, u.topicDistrict, kind, id),
      unitId: unitId!, label: label || u.path, labelPinyin: label || u.pathPinyin, nominal: Number(row.properties[f.nominal ?? 'nominal']) || 0, buildingId: null, roadId: null,
    });
  }
  return { synthetic: false, sensors };
}

/**
 * Addresses from a point table (fields id, address, addressPinyin), each joined to the building
 * whose footprint holds it (the building takes the address); else the buildings' own addresses.
 */
export async function importAddresses(spec: SourceSpec | undefined, ctx: SourceContext, frame: LocalFrame, buildings: BuildingRecord[]): Promise<AddressRecord[]> {
  const grid = new BuildingGrid(buildings);
  if (!spec) {
    return buildings.flatMap((b, i) => (b.address ? [{ id: b.addressId || `A-${b.id}`, address: b.address, addressPinyin: b.addressPinyin, lonDeg: roundDeg(frame.toLonLat(grid.centroidX[i], grid.centroidY[i])[0]), latDeg: roundDeg(frame.toLonLat(grid.centroidX[i], grid.centroidY[i])[1]), buildingId: b.id }] : []));
  }
  const f = (spec.fields ?? {}) as Record<string, string>;
  return (await readSourceFeatures(spec, ctx, '/addresses')).flatMap((row, k) => {
    const address = text(row.properties[f.address ?? 'address']);
    if (!address) { ctx.report.add({ code: 'address-empty', action: 'skipped', source: row.where, message: 'no address text' }); return []; }
    const [lonDeg, latDeg] = at(row), [x, y] = frame.toPlane(lonDeg, latDeg);
    const hit = grid.inCircle(x, y, 150).find((i) => pointInRing(x, y, buildings[i].footprint));
    const id = text(row.properties[f.id ?? 'id']) || `A${k + 1}`, addressPinyin = text(row.properties[f.addressPinyin ?? 'addressPinyin']) || address;
    if (hit !== undefined) Object.assign(buildings[hit], { addressId: id, address, addressPinyin });
    return [{ id, address, addressPinyin, lonDeg: roundDeg(lonDeg), latDeg: roundDeg(latDeg), buildingId: hit === undefined ? null : buildings[hit].id }];
  });
}

/** Points of interest from a table (fields id, name, kind), else every OSM facility. */
export async function importPois(spec: SourceSpec | undefined, ctx: SourceContext, facilities: readonly OsmFacility[] | null): Promise<PoiRecord[]> {
  if (!spec) {
    return (facilities ?? []).map((x) => ({ id: `osm-${x.osmId[0]}${x.osmId.replace(/\D/g, '')}`, name: x.name || x.tag, namePinyin: x.nameEn || x.name || x.tag, kind: x.kind === 'poi' || x.kind === 'shelter' ? x.tag : x.kind, lonDeg: x.lonDeg, latDeg: x.latDeg }));
  }
  const f = (spec.fields ?? {}) as Record<string, string>;
  return (await readSourceFeatures(spec, ctx, '/pois')).flatMap((row, k) => {
    const [lonDeg, latDeg] = at(row);
    if (!Number.isFinite(lonDeg)) return [];
    const name = text(row.properties[f.name ?? 'name']);
    return [{ id: text(row.properties[f.id ?? 'id']) || `P${k + 1}`, name, namePinyin: text(row.properties[f.namePinyin ?? 'namePinyin']) || name, kind: text(row.properties[f.kind ?? 'kind']) || 'poi', lonDeg, latDeg }];
  });
}
