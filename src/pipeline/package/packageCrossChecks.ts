import type { UnplacedIssue } from '../../schema/SchemaValidator';
import { shortJson } from '../../schema/JsonIssue';
import type { BuildingRecord } from '../../twin/BuildingRecord';
import type { PlaneUnit } from '../../twin/PlaneUnit';
import type { CityManifest, ResourcesFile, SensorsFile } from '../../twin/package/packageRecords';

/** Located problems per package file (paths relative to the package). */
export type FileIssues = Map<string, UnplacedIssue[]>;

const add = (out: FileIssues, file: string, pointer: string, expected: string, got?: unknown) =>
  (out.get(file) ?? out.set(file, []).get(file)!).push({ pointer, expected, got: got === undefined ? undefined : shortJson(got) });

/** Points outside the manifest's bounds (by more than ~1 km) are suspicious: a wrong CRS or axis order. */
function inBounds(m: CityManifest, lon: number, lat: number): boolean {
  const [w, s, e, n] = m.boundsLonLat, pad = 0.01;
  return lon >= w - pad && lon <= e + pad && lat >= s - pad && lat <= n + pad;
}

/**
 * The cross-references of a package: buildings name existing units of the right tier, sensors
 * existing units, buildings and roads and their city's topic, vehicles existing stations, ids
 * unique, positions inside the city, counts as the manifest says.
 */
export function packageCrossChecks(m: CityManifest, p: { buildings: BuildingRecord[]; units: PlaneUnit[]; roadIds: Set<string>; sensors: SensorsFile | null; resources: ResourcesFile }): FileIssues {
  const out: FileIssues = new Map();
  const level = new Map(p.units.map((u) => [u.id, u.level]));
  const buildingIds = new Set(p.buildings.map((b) => b.id));
  p.buildings.forEach((b, i) => {
    for (const key of ['districtId', 'streetId', 'communityId', 'gridId'] as const) {
      const want = key.replace('Id', '');
      if (b[key] && level.get(b[key]) !== want) add(out, m.buildings.table, `/features/${i}/properties/${key}`, `the id of a ${want} unit of units.geojson`, b[key]);
    }
  });
  const seen = new Set<string>();
  p.sensors?.sensors.forEach((s, i) => {
    const file = m.sensors!.file;
    if (seen.has(s.id)) add(out, file, `/sensors/${i}/id`, 'an id no other sensor has', s.id);
    seen.add(s.id);
    if (!level.has(s.unitId)) add(out, file, `/sensors/${i}/unitId`, 'the id of a unit of units.geojson', s.unitId);
    if (s.buildingId !== null && !buildingIds.has(s.buildingId)) add(out, file, `/sensors/${i}/buildingId`, 'null or the id of a building', s.buildingId);
    if (s.roadId !== null && !p.roadIds.has(s.roadId)) add(out, file, `/sensors/${i}/roadId`, 'null or the id of a road of roads.geojson', s.roadId);
    if (!s.topic.startsWith(`city/${m.name}/`) || !s.topic.endsWith(`/${s.kind}/${s.id}`)) add(out, file, `/sensors/${i}/topic`, `city/${m.name}/<district>/${s.kind}/${s.id}`, s.topic);
    if (!inBounds(m, s.lonDeg, s.latDeg)) add(out, file, `/sensors/${i}/lonDeg`, `a position inside the city ${JSON.stringify(m.boundsLonLat)}`, [s.lonDeg, s.latDeg]);
  });
  const r = p.resources, file = m.resources?.file ?? 'resources.json';
  const stationIds = new Set(r.stations.map((s) => s.id));
  r.vehicles.forEach((v, i) => { if (!stationIds.has(v.stationId)) add(out, file, `/vehicles/${i}/stationId`, 'the id of a station of this file', v.stationId); });
  for (const key of ['stations', 'hospitals', 'shelters'] as const) {
    const ids = new Set<string>();
    r[key].forEach((x, i) => {
      if (ids.has(x.id)) add(out, file, `/${key}/${i}/id`, `an id no other of ${key} has`, x.id);
      ids.add(x.id);
      if (!inBounds(m, x.lonDeg, x.latDeg)) add(out, file, `/${key}/${i}/lonDeg`, `a position inside the city ${JSON.stringify(m.boundsLonLat)}`, [x.lonDeg, x.latDeg]);
    });
  }
  const counts: Array<[string, number, number]> = [
    ['buildings', m.counts.buildings, p.buildings.length], ['units', m.counts.units, p.units.length], ['sensors', m.counts.sensors, p.sensors?.sensors.length ?? 0],
    ['stations', m.counts.stations, r.stations.length], ['vehicles', m.counts.vehicles, r.vehicles.length],
  ];
  for (const [k, said, found] of counts) if (said !== found) add(out, 'city.json', `/counts/${k}`, `${found} (what the package holds)`, said);
  return out;
}
