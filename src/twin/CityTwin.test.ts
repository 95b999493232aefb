import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { townOsmXml } from '../../test/fixtures/import/townOsm';
import { LocalFrame } from '../geo/LocalFrame';
import { importCitySources } from '../pipeline/import/importCitySources';
import type { BuildingRecord } from './BuildingRecord';
import { generateDemoCity } from '../pipeline/demo-city/generateDemoCity';
import { CityTwin } from './CityTwin';
import { queryArea } from './queryArea';

const city = generateDemoCity();
const twin = new CityTwin({ frame: city.frame, buildings: city.buildings, units: city.units });

describe('CityTwin', () => {
  it('finds demo buildings by pinyin, hanzi and mixed address text', () => {
    const py = twin.searchAddress('chunxi', 5);
    expect(py).toHaveLength(5);
    for (const h of py) expect(h.addressPinyin).toMatch(/Chunxi/);
    for (const h of twin.searchAddress('春熙', 5)) expect(h.address).toContain('春熙');
    const mixed = twin.searchAddress('jinjiang chunxi 12', 3);
    for (const h of mixed) {
      expect(h.address).toContain('锦江区');
      expect(h.address).toContain('春熙');
    }
    const exact = city.buildings[2000];
    expect(twin.searchAddress(exact.address, 1)[0].buildingId).toBe(exact.id);
    const hit = twin.searchAddress(exact.addressPinyin, 1)[0];
    expect(hit.buildingId).toBe(exact.id);
    const [x, y] = twin.frame.toPlane(...hit.centroidLonLat);
    expect(twin.grid.inCircle(x, y, 1)).toContain(hit.index);
  });

  it('locates points in the deepest unit: by unit rings, else by the nearest building, else the city', () => {
    const b = city.buildings[300];
    expect(twin.locateUnit(twin.grid.centroidX[300], twin.grid.centroidY[300])).toBe(b.gridId);
    expect(twin.locateUnit(50_000, 50_000)).toBe('510100');
    const frame = new LocalFrame(7.42, 43.74);
    const imported: BuildingRecord[] = [{
      id: 'osm-w1', footprint: [[0, 0], [10, 0], [10, 10], [0, 10]], heightM: 9, floors: 3, use: 'residential', addressId: '', address: '',
      addressPinyin: '', population: 12, districtId: '', streetId: '', communityId: '', gridId: 'G0_0',
    }];
    const t = new CityTwin({ frame, buildings: imported });
    expect(t.locateUnit(20, 20)).toBe('G0_0');
    expect(t.locateUnit(2000, 2000)).toBe('city');
    expect(t.hierarchy.totals('city')).toMatchObject({ buildings: 1, people: 12, units: { grid: 1 } });
  });

  it('models an imported city: search, drill-down and area query over the OSM town', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-twin-'));
    try {
      writeFileSync(join(dir, 'town.osm'), townOsmXml());
      const { frame, buildings } = await importCitySources({ buildingsPath: join(dir, 'town.osm') });
      const t = new CityTwin({ frame, buildings, seed: 5 });
      expect(t.searchAddress('春熙路12号', 1)[0].buildingId).toBe('osm-w101');
      expect(t.searchAddress('chunxi lu 12', 1)[0].buildingId).toBe('osm-w101');
      expect(t.registry.size).toBe(1);
      const path = t.hierarchy.ancestors('osm-w101/F3').map((n) => n.level);
      expect(path).toEqual(['city', 'grid', 'building', 'floor']);
      const all = queryArea(t, { type: 'circle', centerLonLat: [frame.originLonDeg, frame.originLatDeg], radiusM: 2000 });
      expect(all.totals.buildings).toBe(buildings.length);
      expect(all.totals.people).toBe(t.hierarchy.totals('city').people);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
