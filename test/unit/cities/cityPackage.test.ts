import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citySchemaFiles } from '../../../src/pipeline/package/citySchemaFiles';
import { nodePackageReader, TILESETS_DIR } from '../../../src/pipeline/package/openCityPackage';
import { validateCityPackage } from '../../../src/pipeline/package/validateCityPackage';
import { parseScenarioText } from '../../../src/scenario/validate/validateScenario';
import { CityPackage } from '../../../src/twin/package/CityPackage';
import { CityPackageError } from '../../../src/twin/package/CityPackageError';
import { demoPackage } from '../../support/demoPackage';
import { scenarioCity } from '../../../src/scenario/city/ScenarioCity';

const root = join(import.meta.dirname, '../../..');

/** A copy of the demo package's data files (tilesets left out: the checks here read data). */
function demoCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pkg-'));
  const demo = join(TILESETS_DIR, 'demo');
  for (const f of readdirSync(demo)) if (statSync(join(demo, f)).isFile()) cpSync(join(demo, f), join(dir, f));
  return dir;
}

describe('city package schemas', () => {
  it.each(citySchemaFiles().map((f) => [f.file, f.text]))('%s is its source literal byte for byte (regenerate: npm run -s cli -- city schema --write)', (file, text) => {
    expect(readFileSync(join(root, file), 'utf8')).toBe(text);
  });
});

describe('CityPackage', () => {
  it('reads every part of the demo package as the generator wrote it', async () => {
    const pkg = await demoPackage();
    const [units, sensors, res, pois, addresses] = await Promise.all([pkg.units(), pkg.sensors(), pkg.resources(), pkg.pois(), pkg.addresses()]);
    expect(pkg.manifest.units.tiers.map((t) => t.level)).toEqual(['district', 'street', 'community', 'grid']);
    expect(units.length).toBe(pkg.manifest.counts.units);
    expect(sensors!.sensors.length).toBe(pkg.manifest.counts.sensors);
    expect(sensors!.sensors.every((s) => s.topic.startsWith('city/demo/'))).toBe(true);
    expect(res.vehicles.length).toBe(pkg.manifest.counts.vehicles);
    expect(pois.length + addresses.length).toBe(pkg.manifest.counts.pois + pkg.manifest.counts.addresses);
  });

  it('names the file, line and field of a bad manifest and of a bad feature', async () => {
    const dir = demoCopy();
    const manifest = readFileSync(join(dir, 'city.json'), 'utf8');
    writeFileSync(join(dir, 'city.json'), manifest.replace('"heights": "dem.f32"', '"heights": 5'));
    const err = (await CityPackage.open(nodePackageReader(dir)).catch((e: Error) => e)) as Error;
    expect(err).toBeInstanceOf(CityPackageError);
    expect(err.message).toMatch(/city\.json:\d+:\d+: \/terrain\/heights: expected a string, got 5/);
    writeFileSync(join(dir, 'city.json'), manifest);
    const units = readFileSync(join(dir, 'units.geojson'), 'utf8').split('\n');
    units[3] = units[3].replace(/"parentId":"[^"]+"/, '"parentId":"nowhere"');
    writeFileSync(join(dir, 'units.geojson'), units.join('\n'));
    const v = await validateCityPackage(dir);
    expect(v.valid).toBe(false);
    expect(v.issues.some((i) => /units\.geojson:4:\d+: \/features\/2\/properties\/parentId: expected the id of a unit of a coarser tier/.test(i))).toBe(true);
    expect(v.issues.some((i) => /buildings\/tileset\.json: expected an existing file/.test(i))).toBe(true);
  });

  it('cross-checks the parts: a vehicle of an unknown station is named with its line', async () => {
    const dir = demoCopy();
    const text = readFileSync(join(dir, 'resources.json'), 'utf8');
    writeFileSync(join(dir, 'resources.json'), text.replace(/"stationId":"([^"]+)"/, '"stationId":"S-none"'));
    const v = await validateCityPackage(dir);
    expect(v.issues.some((i) => /resources\.json:\d+:\d+: \/vehicles\/0\/stationId: expected the id of a station of this file, got "S-none"/.test(i))).toBe(true);
  });
});

describe('scenarios on a city package', () => {
  const text = (city: string) => JSON.stringify({
    id: 'x', title: 'X', city, start: '2026-07-12T14:00:00+08:00', durationS: 600, kpis: ['firstArrivalS'], interventions: [], variants: [],
    events: [{ id: 'f', kind: 'incident', incidentKind: 'fire', lonDeg: 104.06, latDeg: 30.66, atS: 0, requirements: { fireEngine: 1 } }],
  }, null, 2);

  it('checks the scenario names the city it is validated against, and that the city has stations to dispatch from', async () => {
    const city = await scenarioCity('demo', async () => demoPackage());
    expect(parseScenarioText(text('demo'), 's.json', city.index).city).toBe('demo');
    expect(() => parseScenarioText(text('other'), 's.json', city.index)).toThrow(/s\.json:4:\d+: \/city: expected the city the scenario is checked against, "demo"/);
    const none = { ...city.index, stationIds: new Set<string>(), fireStations: 0 };
    expect(() => parseScenarioText(text('demo'), 's.json', none)).toThrow(/\/events\/0: expected a city with emergency stations to dispatch from \(city "demo" lists none/);
  });
});

describe('the generator boundary', () => {
  it('nothing in src/ outside the demo generator imports it', () => {
    const allowed = /^src\/(pipeline\/demo-city\/|pipeline\/buildDemoCity\.ts|pipeline\/ensureDemoPackage\.ts|cli\/commands\/tiles\.ts)/;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f), rel = relative(root, p);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ts$/.test(f) && !/\.test\.ts$/.test(f) && !allowed.test(rel) && /from '[^']*(demo-city\/|buildDemoCity|ensureDemoPackage)/.test(readFileSync(p, 'utf8'))) offenders.push(rel);
      }
    };
    walk(join(root, 'src'));
    expect(offenders).toEqual([]);
  });
});
