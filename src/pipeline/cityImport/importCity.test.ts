import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePointShapefile } from '../../../test/support/writePointShapefile';
import mqtt from 'mqtt';
import { startFeed } from '../../feed/startFeed';
import { transformPoint } from '../../geo/crs/transformPoint';
import { defaultFeedConfig } from '../../signs/connection/FeedConfig';
import { defaultRules } from '../../signs/rules/defaultRules';
import { SignsStore } from '../../signs/SignsStore';
import { cityTopicFilter } from '../../signs/topics';
import { CityPackage } from '../../twin/package/CityPackage';
import { nodePackageReader } from '../package/openCityPackage';
import { validateCityPackage } from '../package/validateCityPackage';
import { importCity } from './importCity';
import { readImportConfig } from './readImportConfig';

const dir = mkdtempSync(join(tmpdir(), 'city-import-'));
const LON0 = 104.06, LAT0 = 30.66, DLON = 0.0104, DLAT = 0.009; // ~1 km a step
const gk = (lon: number, lat: number) => transformPoint('EPSG:4326', 'EPSG:4544', [lon, lat]);
const write = (name: string, v: unknown) => { writeFileSync(join(dir, name), typeof v === 'string' ? v : JSON.stringify(v, null, 1)); return join(dir, name); };
const rect = (lon: number, lat: number, w: number, h: number) => [[lon, lat], [lon + w, lat], [lon + w, lat + h], [lon, lat + h], [lon, lat]];

beforeAll(() => {
  const buildings = [];
  for (let i = 0; i < 6; i++) for (let j = 0; j < 4; j++) {
    const lon = LON0 + i * DLON * 0.3, lat = LAT0 + j * DLAT * 0.3;
    buildings.push({ type: 'Feature', properties: { bid: `B${i}${j}`, h: String(10 + 3 * i), use: i === 0 ? 'school' : 'residential' }, geometry: { type: 'Polygon', coordinates: [rect(lon, lat, 0.0004, 0.0003).map(([x, y]) => gk(x, y))] } });
  }
  write('buildings.geojson', { type: 'FeatureCollection', features: buildings });
  const road = (id: string, coords: number[][]) => ({ type: 'Feature', properties: { id, highway: 'primary', name: id }, geometry: { type: 'LineString', coordinates: coords } });
  write('roads.geojson', { type: 'FeatureCollection', features: [
    road('R1', [[LON0 - 0.002, LAT0 - 0.001], [LON0 + 2 * DLON, LAT0 - 0.001]]), road('R2', [[LON0 + 0.5 * DLON, LAT0 - 0.003], [LON0 + 0.5 * DLON, LAT0 + 1.2 * DLAT]]),
  ] });
  const district = (code: string, name: string, lon: number) => ({ type: 'Feature', properties: { code, mc: name }, geometry: { type: 'Polygon', coordinates: [rect(lon, LAT0 - 0.01, 0.012, 0.03)] } });
  write('districts.geojson', { type: 'FeatureCollection', features: [district('510104', '西区', LON0 - 0.005), district('510105', '东区', LON0 + 0.007)] });
  writePointShapefile(join(dir, 'stations'), [
    { x: LON0 + 0.001, y: LAT0 - 0.002, attrs: { ID: 'FS1', NAME: '一号消防站', TYPE: 'fire_station' } },
    { x: LON0 + 0.012, y: LAT0 - 0.002, attrs: { ID: 'PS1', NAME: '东派出所', TYPE: 'police' } },
  ], 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]');
  write('vehicles.csv', 'id,kind,station,caps\nE1,fire_engine,FS1,firefighting;rescue\nE2,fire_engine,FS1,\nP1,police_car,PS1,policing\nX1,tank,PS1,\n');
  const [sx, sy] = gk(LON0 + 0.002, LAT0 + 0.002), [tx, ty] = gk(LON0 + 0.014, LAT0 + 0.002);
  write('sensors.csv', `id,kind,easting,northing,name\nRF-1,rainfall,${sx},${sy},天府广场雨量站\nWL-9,sea_level,${tx},${ty},bad kind\nAQ-1,air_quality,${tx},${ty},东区空气站\n`);
  write('full.json', {
    name: 'fixture-city', title: 'Fixture city', licence: 'CC0 (test data)',
    buildings: { file: 'buildings.geojson', crs: 'EPSG:4544', fields: { id: 'bid', height: 'h' } },
    roads: { file: 'roads.geojson' },
    units: [{ level: 'district', name: '区', namePinyin: 'District', source: { file: 'districts.geojson', fields: { id: 'code', name: 'mc' } } }],
    grid: { cellSizeM: 300 },
    sensors: { file: 'sensors.csv', crs: 'EPSG:4544', fields: { x: 'easting', y: 'northing' } },
    resources: { stations: { file: 'stations.shp', fields: { id: 'ID', name: 'NAME', kind: 'TYPE' } }, vehicles: { file: 'vehicles.csv', fields: { stationId: 'station', capabilities: 'caps' } } },
  });
  write('bare.json', { name: 'bare-city', title: 'Bare city', buildings: { file: 'buildings.geojson', crs: 'EPSG:4544' }, roads: { file: 'roads.geojson' } });
});

describe('importCity', () => {
  it('imports every part from GeoJSON (EPSG:4544 and WGS84), a Shapefile and CSVs, and the package validates', async () => {
    const out = join(dir, 'full');
    const s = await importCity(readImportConfig(join(dir, 'full.json')), out);
    expect(s.counts).toMatchObject({ buildings: 24, stations: 2, vehicles: 3, sensors: 2 });
    const pkg = await CityPackage.open(nodePackageReader(out));
    expect(pkg.manifest.units.tiers.map((t) => [t.level, t.name])).toEqual([['district', '区'], ['grid', '网格']]);
    const units = await pkg.units();
    expect(units.filter((u) => u.level === 'district').map((u) => u.id)).toEqual(['510104', '510105']);
    const buildings = await pkg.buildings();
    expect(new Set(buildings.map((b) => b.districtId))).toEqual(new Set(['510104', '510105']));
    expect(buildings.every((b) => units.find((u) => u.id === b.gridId)?.parentId === b.districtId)).toBe(true);
    expect(buildings.find((b) => b.id === 'B50')!.heightM).toBe(25);
    const sensors = (await pkg.sensors())!;
    expect(sensors.synthetic).toBe(false);
    expect(sensors.sensors.map((x) => [x.id, x.topic.split('/').slice(0, 3).join('/')])).toEqual([['RF-1', 'city/fixture-city/510104'], ['AQ-1', 'city/fixture-city/510105']]);
    const res = await pkg.resources();
    expect(res.stations.map((x) => [x.id, x.kind, x.name])).toEqual([['FS1', 'fire_station', '一号消防站'], ['PS1', 'police', '东派出所']]);
    expect(res.vehicles.map((v) => [v.id, v.capabilities])).toEqual([['E1', ['firefighting', 'rescue']], ['E2', ['firefighting', 'rescue']], ['P1', ['policing']]]);
    expect(pkg.manifest.provenance.sources.map((x) => x.part)).toEqual(['buildings', 'roads', 'units', 'sensors', 'resources', 'resources']);
    expect((await validateCityPackage(out)).issues).toEqual([]);
  }, 120_000);

  it('derives what is missing and says so: a grid under the city, synthetic sensors, no resources', async () => {
    const out = join(dir, 'bare');
    const s = await importCity(readImportConfig(join(dir, 'bare.json')), out);
    expect(s.tiers.map((t) => t.level)).toEqual(['grid']);
    expect(s.counts.stations).toBe(0);
    expect(s.derived.map((d) => d.part)).toEqual(['terrain', 'units', 'units', 'sensors', 'resources', 'addresses']);
    expect(s.derived.find((d) => d.part === 'resources')!.how).toMatch(/none given/);
    const pkg = await CityPackage.open(nodePackageReader(out));
    expect((await pkg.sensors())!.synthetic).toBe(true);
    expect((await pkg.units()).filter((u) => u.level === 'grid').every((u) => u.parentId === 'bare-city')).toBe(true);
    expect((await validateCityPackage(out)).valid).toBe(true);
  }, 120_000);

  it('feeds the imported city: the simulator publishes its synthetic sensors on city/<name>/... and the store accepts them', async () => {
    const feed = await startFeed({ city: join(dir, 'bare'), port: 0, wsPort: 0, rateHz: 200, seed: 3 });
    try {
      expect(feed.registry.city).toBe('bare-city');
      expect(feed.registry.synthetic).toBe(true);
      const pkg = await CityPackage.open(nodePackageReader(join(dir, 'bare')));
      const store = new SignsStore({ registry: feed.registry, units: await pkg.units(), rules: defaultRules(), intervalScale: feed.intervalScale });
      const { display } = defaultFeedConfig().accounts;
      const client = mqtt.connect(feed.urls.tcp, { username: display.username, password: display.password, clientId: 'rc-import-test' });
      const topics: string[] = [];
      client.on('message', (t, p) => { topics.push(t); store.ingest(t, p); });
      await client.subscribeAsync(cityTopicFilter('bare-city'), { qos: 1 });
      const t0 = Date.now();
      while (topics.length < 20 && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 100));
      await client.endAsync();
      store.dispose();
      expect(topics.length).toBeGreaterThanOrEqual(20);
      expect(topics.every((t) => t.startsWith('city/bare-city/bare-city/'))).toBe(true);
      expect(store.ingestor.counts[0]).toBeGreaterThan(0);
    } finally {
      await feed.stop();
    }
  }, 60_000);

  it('names the config file, line and field of a bad config, and the file of a missing source', () => {
    const bad = write('bad.json', '{\n  "name": "x",\n  "title": "X",\n  "buildings": { "file": 3 }\n}\n');
    expect(() => readImportConfig(bad)).toThrow(/bad\.json:4:\d+: \/buildings\/file: expected a string, got 3/);
    const missing = write('missing.json', { name: 'x', title: 'X', buildings: { file: 'nowhere.geojson' } });
    return expect(importCity(readImportConfig(missing), join(dir, 'm'))).rejects.toThrow(/\/buildings\/file: file not found: .*nowhere\.geojson/);
  });
});
