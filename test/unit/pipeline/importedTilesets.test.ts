import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { townOsmXml } from '../../fixtures/import/townOsm';
import { run as tilesCommand } from '../../../src/cli/commands/tiles';
import { glbJson, listGlb, tilesetProblems } from './tilesetChecks';
import { officialValidatorMissing, runOfficialValidator } from './officialValidator';

const dir = mkdtempSync(join(tmpdir(), 'rc-imported-tiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** `tiles --buildings FILE --name NAME --out DIR`: the quick import path (a city package from one source). */
const importQuick = (file: string, name: string, out: string) => tilesCommand(['--buildings', file, '--name', name, '--out', out]);

describe('tilesets of imported cities', () => {
  const town = join(dir, 'town'), gk = join(dir, 'gk');

  beforeAll(async () => {
    writeFileSync(join(dir, 'town.osm'), townOsmXml());
    await importQuick(join(dir, 'town.osm'), 'town', town);
    await importQuick(join(import.meta.dirname, '../../fixtures/import/gk-buildings.geojson'), 'gk', gk);
  });

  it('pass the 3D Tiles schemas and the glTF validator, with every content box inside its tile box', async () => {
    for (const city of [town, gk]) {
      for (const t of ['buildings', 'terrain']) {
        const p = await tilesetProblems(join(city, t));
        expect({ city, t, ...p, tiles: 0 }).toEqual({ city, t, schema: [], nesting: [], gltf: [], tiles: 0 });
      }
    }
  });

  it('leave out string columns that are empty in a whole tile instead of writing zero-length bufferViews', () => {
    for (const f of listGlb(join(town, 'buildings'))) {
      const json = glbJson(readFileSync(f));
      for (const v of json.bufferViews) expect(v.byteLength).toBeGreaterThan(0);
      const props = json.extensions.EXT_structural_metadata.propertyTables[0].properties;
      // The OSM town has no spatial units: those columns are absent, the ids are there.
      expect(props.districtId).toBeUndefined();
      expect(props.id).toBeDefined();
    }
  });

  it('tile a flat city (no DEM) into a handful of terrain tiles that refine by map resolution', () => {
    expect(listGlb(join(town, 'terrain')).length).toBeLessThanOrEqual(5);
    const json = JSON.parse(readFileSync(join(town, 'terrain', 'tileset.json'), 'utf8'));
    const errors: number[] = [];
    const walk = (t: any) => { if (t.children) errors.push(t.geometricError); (t.children ?? []).forEach(walk); };
    walk(json.root);
    for (const e of errors) expect(e).toBeGreaterThan(0);
  });

  it.skipIf(officialValidatorMissing() !== null)(`pass the official 3d-tiles-validator with zero errors (${officialValidatorMissing() ?? 'present'})`, () => {
    const reports = runOfficialValidator([town, gk].flatMap((c) => ['buildings', 'terrain'].map((t) => join(c, t, 'tileset.json'))));
    for (const r of reports) expect({ tileset: r.tileset, errors: r.errors, issues: r.issues }).toEqual({ tileset: r.tileset, errors: 0, issues: [] });
  });
});

if (officialValidatorMissing()) console.log(`importedTilesets: official validator checks skipped: ${officialValidatorMissing()}`);
