import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSensorRegistry } from '../../signs/registry/buildSensorRegistry';
import { toSensorsFile } from '../../signs/registry/sensorRecords';
import type { AddressRecord, CityManifest } from '../../twin/package/packageRecords';
import type { PoiRecord } from '../../twin/package/readPois';
import { ringCentroid } from '../../dispatch/stationFleet';
import { featureCollectionText, poiFeatures, recordsText, roundDeg } from '../package/geoJsonText';
import { demBoundsLonLat, tiersOf } from '../package/manifestParts';
import { resourcesFromBuildings } from '../package/resourcesFromBuildings';
import { writeCityManifest } from '../package/writeManifest';
import { DEMO_CITY_NAME } from './demoCityName';
import { demoGeneratorVersion } from './demoGeneratorVersion';
import type { DemoCity } from './generateDemoCity';

const DEMO_TITLE = 'Rongcheng demo city (Chengdu-like, generated)';

/** Building uses shown as points of interest. */
const POI_USES = new Set(['hospital', 'school', 'stadium', 'government', 'police', 'fire_station']);

/**
 * Completes the demo city's package after its sources, tilesets and network are written: the
 * sensor registry (the simulator's placement rules), resources (stations, vehicles, hospitals,
 * shelters from the buildings' uses), the address registry, points of interest, and city.json.
 * `name` is the package's name (default `demo`; a scaled city has its own, see scaledDemoName):
 * city.json's name and the city level of every sensor topic.
 */
export function writeDemoPackage(dir: string, city: DemoCity, name = DEMO_CITY_NAME): CityManifest {
  const { frame } = city;
  const registry = buildSensorRegistry({ ...city, name });
  const resources = resourcesFromBuildings(city.buildings, frame);
  const centre = (ring: Array<[number, number]>) => frame.toLonLat(...ringCentroid(ring)).map(roundDeg) as [number, number];
  const addresses: AddressRecord[] = city.buildings.map((b) => {
    const [lonDeg, latDeg] = centre(b.footprint);
    return { id: b.addressId, address: b.address, addressPinyin: b.addressPinyin, lonDeg, latDeg, buildingId: b.id };
  });
  const pois: PoiRecord[] = city.buildings.filter((b) => POI_USES.has(b.use)).map((b) => {
    const [lonDeg, latDeg] = centre(b.footprint);
    return { id: `poi-${b.id}`, name: b.address, namePinyin: b.addressPinyin, kind: b.use, lonDeg, latDeg };
  });
  writeFileSync(join(dir, 'sensors.json'), recordsText(toSensorsFile(registry, 'demo rules: src/signs/registry/buildSensorRegistry')));
  writeFileSync(join(dir, 'resources.json'), recordsText(resources));
  writeFileSync(join(dir, 'addresses.json'), recordsText({ addresses }));
  writeFileSync(join(dir, 'pois.geojson'), featureCollectionText(poiFeatures(pois)));
  const root = city.units.find((u) => u.level === 'city')!;
  return writeCityManifest(dir, {
    name, title: name === DEMO_CITY_NAME ? DEMO_TITLE : `${DEMO_TITLE}, ${city.buildings.length.toLocaleString('en')} buildings`, seed: city.seed,
    origin: { lonDeg: frame.originLonDeg, latDeg: frame.originLatDeg }, boundsLonLat: demBoundsLonLat(frame, city.dem), sourceCrs: 'EPSG:4326',
    counts: {
      buildings: city.buildings.length, roads: city.roads.length, units: city.units.length,
      population: city.buildings.reduce((s, b) => s + b.population, 0), sensors: registry.sensors.length,
      stations: resources.stations.length, vehicles: resources.vehicles.length, hospitals: resources.hospitals.length,
      shelters: resources.shelters.length, pois: pois.length, addresses: addresses.length,
    },
    buildings: { tileset: 'buildings/tileset.json', table: 'buildings.geojson' },
    terrain: { tileset: 'terrain/tileset.json', dem: 'dem.json', heights: 'dem.f32', flat: false },
    roads: { lines: 'roads.geojson', network: 'network.bin' },
    water: { file: 'river.geojson' },
    units: { file: 'units.geojson', rootId: root.id, tiers: tiersOf(city.units) },
    addresses: { file: 'addresses.json' }, sensors: { file: 'sensors.json' }, resources: { file: 'resources.json' }, pois: { file: 'pois.geojson' },
    provenance: {
      generator: `rongcheng-twin demo generator (npm run tiles), code ${demoGeneratorVersion()}`, sources: [],
      derived: [
        ...(['buildings', 'terrain', 'roads', 'water', 'units', 'addresses', 'pois'] as const).map((part) => ({ part, how: `generated from seed ${city.seed}` })),
        { part: 'sensors', how: 'placed by the simulator rules (river gauges, per-street and per-community sensors, detectors on arterials, alarms in public and high-rise buildings)' },
        { part: 'resources', how: 'stations at fire station, hospital and police buildings with the default vehicles; beds from floor area; shelters in schools and stadiums' },
      ],
    },
  });
}
