import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCity } from '../../../src/pipeline/cityImport/importCity';
import { readImportConfig } from '../../../src/pipeline/cityImport/readImportConfig';
import { openCityPackage, TILESETS_DIR } from '../../../src/pipeline/package/openCityPackage';
import { validateCityPackage } from '../../../src/pipeline/package/validateCityPackage';
import { ResultCache } from '../../../src/scenario/cache/ResultCache';
import { loadScenarioForCity } from '../../../src/scenario/io/loadScenarioForCity';
import { nodeEnvironment } from '../../../src/scenario/run/nodeEnvironment';
import { inThreadExecutor } from '../../../src/scenario/runner/inThreadExecutor';
import { ScenarioRunner } from '../../../src/scenario/runner/ScenarioRunner';

const root = join(import.meta.dirname, '../../..');
/** The shared real data: $TWIN_SHARED_DIR, else ../shared beside the repository. */
const shared = process.env.TWIN_SHARED_DIR ?? join(root, '../shared');
const osm = join(shared, 'data/chengdu/chengdu_center.osm');
const present = existsSync(osm);
if (!present) console.log(`chengdu-center: skipped, ${osm} is absent (set TWIN_SHARED_DIR to the folder holding data/chengdu)`);

describe.skipIf(!present)('the imported central-Chengdu package (config/cities/chengdu-center.json)', () => {
  const out = join(TILESETS_DIR, 'chengdu-center');
  // The config names ../shared/data/... against the repository root; a folder beside `shared` plays that part.
  const loaded = readImportConfig(join(root, 'config/cities/chengdu-center.json'), join(dirname(shared), 'repo'));

  it('imports real districts, derived grid cells, OSM fire stations and hospitals, synthetic sensors, and validates', async () => {
    const summary = await importCity(loaded, out);
    expect(summary.counts.buildings).toBeGreaterThan(700);
    const pkg = await openCityPackage('chengdu-center');
    const units = await pkg.units();
    const districts = units.filter((u) => u.level === 'district').map((u) => u.name).sort();
    expect(districts).toEqual(['成华区', '金牛区', '锦江区', '青羊区']);
    expect(units.filter((u) => u.level === 'grid').length).toBeGreaterThan(200);
    const res = await pkg.resources();
    const fire = res.stations.filter((s) => s.kind === 'fire_station');
    expect(fire.map((s) => s.name).sort()).toEqual(['成都市公安消防局四中队', '成都市消防支队第三中队', '花牌坊消防站']);
    expect(fire.every((s) => s.source?.startsWith('osm:node/'))).toBe(true);
    expect(res.hospitals.length).toBeGreaterThan(10);
    expect((await pkg.sensors())!.synthetic).toBe(true);
    expect(pkg.manifest.provenance.derived.map((d) => d.part)).toEqual(expect.arrayContaining(['terrain', 'units', 'sensors', 'resources']));
    const v = await validateCityPackage(out);
    expect(v.issues).toEqual([]);
  }, 240_000);

  it('runs the shipped rainstorm scenario: flood on the real streets, fire engines from a real OSM fire station', async () => {
    const { scenario, city } = await loadScenarioForCity(join(root, 'scenarios/chengdu-center-rainstorm.json'));
    expect(city!.index.fireStations).toBe(3);
    const runner = new ScenarioRunner({ executor: inThreadExecutor(nodeEnvironment), cache: new ResultCache(), codeVersion: 'test' });
    const fast = { ...scenario, models: { ...scenario.models, flood: { ...scenario.models!.flood, cellSizeM: 20 } } };
    const [base, variant] = (await runner.runMany(fast)).map((o) => o.result);
    expect(base.kpis.maxDepthM!).toBeGreaterThan(variant.kpis.maxDepthM!);
    expect(base.kpis.firstArrivalS!).toBeGreaterThan(60);
    const routes = base.layers.find((l) => l.id === 'dispatch-routes')!.features!;
    const engines = routes.map((f) => String(f.properties.units)).filter((u) => u.includes('fire_engine'));
    const stationIds = new Set((await (await openCityPackage('chengdu-center')).resources()).stations.filter((s) => s.kind === 'fire_station').map((s) => s.id));
    expect(engines.length).toBeGreaterThan(0);
    for (const u of engines.join(', ').split(', ')) expect(stationIds.has(u.split('/')[0])).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'city.json'), 'utf8')).name).toBe('chengdu-center');
  }, 240_000);
});
