import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { afterAll, describe, expect, it } from 'vitest';
import { TOWN_EXPECTED, TOWN_SKIPPED, townOsmXml } from '../../../test/fixtures/import/townOsm';
import { zipOne } from '../../../test/fixtures/import/zipOne';
import { referenceData } from '../../../test/referenceData';
import { transformPoint } from '../../geo/crs/transformPoint';
import { importCitySources } from './importCitySources';
import type { RoadLine } from './RoadLine';

const dir = mkdtempSync(join(tmpdir(), 'rc-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const townPath = join(dir, 'town.osm');
writeFileSync(townPath, townOsmXml());
const fixtures = join(__dirname, '../../../test/fixtures/import');

function components(roads: RoadLine[]): number {
  const parent = new Map<number, number>();
  const find = (a: number): number => { while (parent.get(a)! !== a) a = parent.get(a)!; return a; };
  for (const r of roads) for (const n of r.nodeIds) if (!parent.has(n)) parent.set(n, n);
  for (const r of roads) for (let i = 1; i < r.nodeIds.length; i++) parent.set(find(r.nodeIds[i]), find(r.nodeIds[0]));
  return new Set([...parent.keys()].map(find)).size;
}

describe('importCitySources', () => {
  it('imports an OSM town with heights, uses and addresses, and reports every repair, default and skip', async () => {
    const city = await importCitySources({ buildingsPath: townPath });
    const byId = new Map(city.buildings.map((b) => [b.id, b]));
    for (const [id, want] of Object.entries(TOWN_EXPECTED)) expect(byId.get(id), id).toMatchObject(want);
    expect(byId.get('osm-w101')!.addressPinyin).toBe('12 Chunxi Lu');
    expect(byId.get('osm-w101')!.addressId).toBe('A-osm-w101');
    expect(byId.has('osm-w104~1') && byId.has('osm-w104~2')).toBe(true); // the bow-tie, split
    const c = city.report.counts;
    expect(c).toMatchObject({
      'repaired:self-intersection': 1, 'repaired:unclosed-ring': 1, 'repaired:holes-dropped': 1, 'defaulted:bad-height': 1,
      'defaulted:height-from-parts': 1, 'skipped:building-part': 1, 'skipped:missing-nodes': 1, 'defaulted:dem-flat': 1,
      'defaulted:height-default': 1, 'defaulted:height-from-levels': 2,
    });
    // Nothing silently vanishes: every source building is imported or named in a skip.
    const skipped = new Map(city.report.issues.filter((i) => i.action === 'skipped').map((i) => [i.featureId, i.code]));
    for (const id of ['osm-w101', 'osm-w102', 'osm-w103', 'osm-w104', 'osm-w105', 'osm-w106', 'osm-w108', 'osm-r201']) {
      expect(byId.has(id) || byId.has(`${id}~1`) || skipped.has(id), id).toBe(true);
    }
    for (const [id, code] of Object.entries(TOWN_SKIPPED)) expect(skipped.get(id)).toBe(code);
    for (const b of city.buildings) expect(b.gridId).toMatch(/^G-?\d+_-?\d+$/);
    expect(city.dem.heightsM.every((h) => h === 0)).toBe(true);
    expect(city.dem.xMinM).toBeLessThan(0);
  });

  it('returns roads whose shared OSM nodes make one connected, directed network', async () => {
    const { roads, report } = await importCitySources({ buildingsPath: townPath });
    const byId = new Map(roads.map((r) => [r.id, r]));
    expect([...byId.keys()].sort()).toEqual(['osm-w301', 'osm-w302', 'osm-w303', 'osm-w305']);
    expect(byId.get('osm-w301')).toMatchObject({ name: '人民中路', roadClass: 'primary', speedKmh: 50, oneway: false });
    expect(byId.get('osm-w302')).toMatchObject({ speedKmh: 30, oneway: false });
    const reversed = byId.get('osm-w303')!;
    expect(reversed.oneway).toBe(true);
    expect(reversed.nodeIds[reversed.nodeIds.length - 1]).toBe(byId.get('osm-w302')!.nodeIds[1]); // runs e -> d
    expect(byId.get('osm-w305')).toMatchObject({ roadClass: 'motorway', speedKmh: 100, oneway: true });
    expect(components(roads)).toBe(1);
    expect(report.counts).toMatchObject({ 'skipped:not-a-road': 1, 'repaired:oneway-reversed': 1, 'defaulted:bad-maxspeed': 1, 'defaulted:speed-default': 2 });
  });

  it('resamples a GeoTIFF DEM in EPSG:4544 into the frame and fills its no-data cells, reported', async () => {
    const [e0, n0] = transformPoint('EPSG:4326', 'EPSG:4544', [104.06, 30.66]);
    const west = Math.round(e0) - 800, north = Math.round(n0) + 600, w = 160, h = 140, px = 10;
    const heightAt = (e: number, n: number) => 500 + 0.01 * (e - west) + 0.02 * (n - north);
    const values = new Float32Array(w * h);
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) {
      values[r * w + c] = r >= 60 && r < 66 && c >= 80 && c < 86 ? -9999 : heightAt(west + (c + 0.5) * px, north - (r + 0.5) * px);
    }
    const tif = join(dir, 'dem.tif');
    writeFileSync(tif, new Uint8Array(writeArrayBuffer(values, {
      width: w, height: h, ModelPixelScale: [px, px, 0], ModelTiepoint: [0, 0, 0, west, north, 0], ProjectedCSTypeGeoKey: 4544,
      GTModelTypeGeoKey: 1, GTRasterTypeGeoKey: 1, GDAL_NODATA: '-9999', SampleFormat: [3], BitsPerSample: [32],
    } as never)));
    const { dem, frame, report } = await importCitySources({ buildingsPath: townPath, demPath: tif, demMarginM: 100 });
    expect(dem.cellSizeM).toBe(10);
    expect(report.counts['filled:dem-nodata']).toBeGreaterThan(0);
    expect(report.counts['filled:dem-outside'] ?? 0).toBe(0);
    expect(dem.heightsM.every(Number.isFinite)).toBe(true);
    // The extent covers buildings and roads (the town's roads reach 300 m south of its buildings).
    expect(dem.yMinM).toBeLessThan(-380);
    // Away from the filled hole the resampled plane matches the source plane (bilinear is exact on it).
    for (const [x, y] of [[0, 0], [150, 50], [-40, -250], [-200, 100], [170, -300]]) {
      const [e, n] = transformPoint('EPSG:4326', 'EPSG:4544', frame.toLonLat(x, y));
      expect(Math.abs(dem.sample(x, y) - heightAt(e, n)), `${x},${y}`).toBeLessThan(0.05);
    }
  });

  it('reads GeoJSON in the Gauss-Kruger CRS its file names, with heights in units and bad features reported', async () => {
    const { buildings, roads, report } = await importCitySources({ buildingsPath: join(fixtures, 'gk-buildings.geojson') });
    const byId = new Map(buildings.map((b) => [b.id, b]));
    expect(report.stats['crs:' + join(fixtures, 'gk-buildings.geojson')]).toBe('EPSG:4544');
    expect(byId.get('g1')).toMatchObject({ heightM: 15, floors: 5, use: 'office', addressId: '510105-0001', address: '成都市青羊区人民中路一段1号' });
    expect(byId.get('g2')).toMatchObject({ heightM: 15, floors: 5, use: 'residential' });
    expect(byId.get('g3')).toMatchObject({ heightM: 9, floors: 3 });
    expect(byId.get('g6-1')).toMatchObject({ heightM: 10.97, use: 'industrial' });
    expect(byId.has('g6-2')).toBe(true);
    expect(report.issues.filter((i) => i.action === 'skipped').map((i) => [i.featureId, i.code])).toEqual([['g4', 'unsupported-geometry'], ['g5', 'degenerate']]);
    const [r1, r2] = roads;
    expect(r1.nodeIds[1]).toBe(r2.nodeIds[0]); // the junction: coinciding vertices share a node
    expect(r1).toMatchObject({ roadClass: 'primary', speedKmh: 60 });
  });

  it('detects lon/lat data passed with a projected crs and places it as WGS84', async () => {
    const lonLatPath = join(dir, 'lonlat.geojson');
    const ring = [[104.06, 30.66], [104.0603, 30.66], [104.0603, 30.6603], [104.06, 30.6603], [104.06, 30.66]];
    writeFileSync(lonLatPath, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { height: 30 }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
    const { buildings, frame, report } = await importCitySources({ buildingsPath: lonLatPath, crs: 'EPSG:4544' });
    expect(report.issues[0]).toMatchObject({ code: 'crs-mismatch', action: 'detected' });
    const [lon, lat] = frame.toLonLat(...buildings[0].footprint[0]);
    expect(Math.abs(lon - 104.06) + Math.abs(lat - 30.66)).toBeLessThan(1e-6);
  });

  it('reads a zipped SRTM tile and fills its voids, reporting them', async () => {
    const n = 1201, bytes = new Uint8Array(n * n * 2), view = new DataView(bytes.buffer);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {
      const isVoid = r >= 405 && r < 410 && c >= 70 && c < 75; // in the town at 104.06E 30.66N
      view.setInt16((r * n + c) * 2, isVoid ? -32768 : 450 + Math.round(c / 10), false);
    }
    const zip = join(dir, 'N30E104.hgt.zip');
    writeFileSync(zip, zipOne('N30E104.hgt', bytes));
    const { dem, report } = await importCitySources({ buildingsPath: townPath, demPath: zip });
    expect(report.counts['filled:dem-nodata']).toBeGreaterThan(0);
    expect(report.stats.demSourceNoDataSamples).toBe(25);
    expect(report.counts['note:dem-vertical-datum']).toBe(1);
    for (const v of dem.heightsM) expect(v).toBeGreaterThan(449);
  });

  it('fails naming the file for absent or unreadable input, and honours an AbortSignal', async () => {
    await expect(importCitySources({ buildingsPath: join(dir, 'nope.osm') })).rejects.toThrow(/nope\.osm: cannot read the source file \(ENOENT\)/);
    const txt = join(dir, 'dem.txt');
    writeFileSync(txt, 'not a dem');
    await expect(importCitySources({ buildingsPath: townPath, demPath: txt })).rejects.toThrow(/dem\.txt: unknown DEM format/);
    const bad = join(dir, 'bad.geojson');
    writeFileSync(bad, JSON.stringify({ type: 'Topology' }));
    await expect(importCitySources({ buildingsPath: bad })).rejects.toThrow(/bad\.geojson: field "type" is "Topology", expected "FeatureCollection"/);
    await expect(importCitySources({ buildingsPath: townPath, signal: AbortSignal.abort() })).rejects.toThrow(/abort/i);
  });
});

const CHENGDU = referenceData('import of central Chengdu (OSM XML)', 'data/chengdu/chengdu_center.osm');
const MONACO = referenceData('import of Monaco (OSM PBF + SRTM .hgt.zip)', 'data/monaco');

describe('importCitySources on the shared real data', () => {
  it.skipIf(!CHENGDU.present)('imports central Chengdu from OSM XML', async () => {
    const { buildings, roads, report, frame } = await importCitySources({ buildingsPath: CHENGDU.path });
    expect(buildings.length).toBeGreaterThan(780);
    expect(roads.length).toBeGreaterThan(2000);
    expect(Math.abs(frame.originLonDeg - 104.086)).toBeLessThan(0.05);
    expect(report.stats.buildingsImported).toBe(buildings.length);
    expect(buildings.filter((b) => b.address).length).toBeGreaterThan(10);
    expect(buildings.some((b) => b.heightM > 300)).toBe(true); // the TV tower, from its building:parts
  });

  it.skipIf(!MONACO.present)('imports Monaco from OSM PBF with its SRTM DEM', async () => {
    const { buildings, roads, dem, report } = await importCitySources({ buildingsPath: join(MONACO.path, 'monaco.osm.pbf'), demPath: join(MONACO.path, 'N43E007.hgt.zip') });
    expect(buildings.length).toBeGreaterThan(20000);
    expect(roads.length).toBeGreaterThan(2500);
    expect(report.stats.buildingsRead as number).toBeLessThan(buildings.length + 200);
    let min = Infinity, max = -Infinity;
    for (const h of dem.heightsM) { min = Math.min(min, h); max = Math.max(max, h); }
    expect(min).toBeGreaterThan(-20);
    expect(max).toBeGreaterThan(500);
    expect(max).toBeLessThan(2100);
  });
});
