import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoCity } from '../../../src/pipeline/demo-city/generateDemoCity';
import { DEMO_ORIGIN, distanceToRiverM } from '../../../src/pipeline/demo-city/layout';
import { writeCitySources } from '../../../src/pipeline/demo-city/writeCitySources';
import { writeDemoPackage } from '../../../src/pipeline/demo-city/writeDemoPackage';
import { writeNetworkForCity } from '../../../src/pipeline/network/writeNetworkForCity';
import type { DemoCity } from '../../../src/pipeline/demo-city/generateDemoCity';

const PACKAGE_FILES = [
  'buildings.geojson', 'roads.geojson', 'units.geojson', 'river.geojson', 'dem.f32', 'dem.json', 'network.bin',
  'sensors.json', 'resources.json', 'addresses.json', 'pois.geojson', 'city.json',
];
const hashDir = (dir: string) => PACKAGE_FILES
  .map((f) => createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')).join();

describe('generateDemoCity', () => {
  const city = generateDemoCity();

  it('writes the same package bytes (data files and city.json) for the same seed and different bytes for another seed', () => {
    const a = mkdtempSync(join(tmpdir(), 'city-a-')), b = mkdtempSync(join(tmpdir(), 'city-b-')), c = mkdtempSync(join(tmpdir(), 'city-c-'));
    const write = (dir: string, x: DemoCity) => { writeCitySources(dir, x); writeNetworkForCity(dir); writeDemoPackage(dir, x); };
    write(a, city);
    write(b, generateDemoCity());
    write(c, generateDemoCity(7));
    expect(hashDir(a)).toBe(hashDir(b));
    expect(hashDir(c)).not.toBe(hashDir(a));
  });

  it('has 20,000+ buildings with height, floors, use, address and unit ids, none in the river', () => {
    expect(city.buildings.length).toBeGreaterThan(20000);
    const uses = new Set(city.buildings.map((b) => b.use));
    for (const u of ['residential', 'commercial', 'office', 'school', 'hospital', 'fire_station', 'police']) expect(uses).toContain(u);
    const ids = new Set<string>();
    for (const b of city.buildings) {
      expect(b.heightM).toBeGreaterThan(0);
      expect(b.floors).toBeGreaterThanOrEqual(1);
      expect(b.addressId).toMatch(/^\d{16}$/);
      expect(b.address.startsWith('成都市')).toBe(true);
      expect(b.gridId.startsWith(b.communityId)).toBe(true);
      expect(b.communityId.startsWith(b.streetId)).toBe(true);
      expect(b.streetId.startsWith(b.districtId)).toBe(true);
      const [x, y] = b.footprint[0];
      expect(distanceToRiverM(x, y)).toBeGreaterThan(35);
      ids.add(b.addressId);
    }
    expect(ids.size).toBe(city.buildings.length);
  });

  it('lays out rings, radials and a street grid, and nests units city > district > street > community > grid', () => {
    const classes = new Set(city.roads.map((r) => r.roadClass));
    expect([...classes].sort()).toEqual(['expressway', 'local', 'primary', 'secondary']);
    expect(city.roads.filter((r) => r.id.startsWith('R-RING'))).toHaveLength(3);
    const byLevel = (l: string) => city.units.filter((u) => u.level === l);
    expect(byLevel('district')).toHaveLength(5);
    expect(byLevel('street')).toHaveLength(36);
    expect(byLevel('community')).toHaveLength(324);
    expect(byLevel('grid')).toHaveLength(1296);
    const ids = new Set(city.units.map((u) => u.id));
    for (const u of city.units) if (u.parentId) expect(ids).toContain(u.parentId);
  });

  it('sits at lon 104.06, lat 30.66 with a plain rising to hills in the east', () => {
    const [lon, lat] = city.frame.toLonLat(0, 0);
    expect(lon).toBeCloseTo(DEMO_ORIGIN.lonDeg, 9);
    expect(lat).toBeCloseTo(DEMO_ORIGIN.latDeg, 9);
    const west = city.dem.sample(-4000, 0), east = city.dem.sample(4900, -1000);
    expect(west).toBeGreaterThan(480);
    expect(west).toBeLessThan(530);
    expect(east - west).toBeGreaterThan(60);
  });
});
