import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCity, type DemoCitySummary } from '../../../src/pipeline/buildDemoCity';
import { generateDemoCity } from '../../../src/pipeline/demo-city/generateDemoCity';
import { tileBuildingsStreaming } from '../../../src/pipeline/tiles/stream/tileBuildingsStreaming';
import { ecefToGeodetic } from '../../../src/geo/wgs84';
import { TilesetValidator } from '../../../src/pipeline/validate/TilesetValidator';
import { featureTables, listGlb, schemasMissing, SCHEMA_DIR, tilesetProblems } from './tilesetChecks';
import { officialValidatorMissing, runOfficialValidator } from './officialValidator';

describe('buildDemoCity tilesets', () => {
  let out: string;
  let summary: DemoCitySummary;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'tiles-'));
    summary = await buildDemoCity(out);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('reports buildings, tiles, bytes and seconds, every building tile under the caps', () => {
    expect(summary.buildings).toBeGreaterThan(20000);
    expect(summary.buildingTiles).toBeGreaterThan(20);
    expect(summary.maxBuildingTileBytes).toBeLessThanOrEqual(2_000_000);
    expect(summary.maxBuildingTileFeatures).toBeLessThanOrEqual(5000);
    expect(summary.terrainTiles).toBe(85);
    expect(summary.bytes).toBeGreaterThan(1e6);
    expect(summary.seconds).toBeGreaterThan(0);
  });

  it('writes tilesets that pass the 3D Tiles 1.1 schemas and the glTF validator, boxes nested, errors monotone', async () => {
    for (const t of ['buildings', 'terrain']) {
      const p = await tilesetProblems(join(out, t));
      expect({ t, ...p, tiles: 0 }).toEqual({ t, schema: [], nesting: [], gltf: [], tiles: 0 });
    }
    expect(listGlb(join(out, 'buildings')).length + listGlb(join(out, 'terrain')).length).toBe(summary.tiles);
  });

  it.skipIf(schemasMissing() !== null)(`catches a broken tileset (the schema check can fail; ${schemasMissing() ?? 'schemas present'})`, () => {
    const json = JSON.parse(readFileSync(join(out, 'buildings', 'tileset.json'), 'utf8'));
    delete json.root.boundingVolume;
    json.geometricError = -1;
    expect(new TilesetValidator(SCHEMA_DIR).validateTileset(json).length).toBeGreaterThan(0);
  });

  it('puts every building exactly once in a leaf feature table, with its metadata and its index', () => {
    const city = generateDemoCity();
    const seen = new Set<number>();
    for (const t of featureTables(join(out, 'buildings'))) {
      if (t.className !== 'building') continue;
      expect(t.columns).toEqual(expect.arrayContaining(['id', 'index', 'height', 'floors', 'use', 'addressId', 'gridId']));
      t.ids.forEach((id, k) => {
        expect(id).toBe(city.buildings[t.indices[k]].id);
        expect(seen.has(t.indices[k])).toBe(false);
        seen.add(t.indices[k]);
      });
    }
    expect(seen.size).toBe(summary.buildings);
  });

  it('refines buildings from a coarse city of merged blocks (every building counted at the root) to exact leaves', () => {
    const json = JSON.parse(readFileSync(join(out, 'buildings', 'tileset.json'), 'utf8'));
    expect(json.root.refine).toBe('REPLACE');
    const tables = new Map(featureTables(join(out, 'buildings')).map((t) => [relative(join(out, 'buildings'), t.file), t]));
    const root = tables.get(json.root.content.uri)!;
    expect(root.className).toBe('block');
    expect(root.buildingCounts.reduce((a, b) => a + b, 0)).toBe(summary.buildings);
    expect(root.ids.length).toBeLessThan(summary.buildings / 10);
    const walk = (t: any) => {
      if (!t.children) { expect(t.geometricError).toBe(0); expect(tables.get(t.content.uri)!.className).toBe('building'); }
      else expect(t.geometricError).toBeGreaterThan(0);
      (t.children ?? []).forEach(walk);
    };
    walk(json.root);
  });

  it('places both tilesets at the demo city on the ground (root transform at lon 104.06, lat 30.66)', () => {
    for (const t of ['buildings', 'terrain']) {
      const json = JSON.parse(readFileSync(join(out, t, 'tileset.json'), 'utf8'));
      const m = json.root.transform;
      const [lon, lat] = ecefToGeodetic(m[12], m[13], m[14]);
      expect((lon * 180) / Math.PI).toBeCloseTo(104.06, 6);
      expect((lat * 180) / Math.PI).toBeCloseTo(30.66, 6);
      const box = json.root.boundingVolume.box;
      expect(box[3]).toBeGreaterThan(4000); // half-width east (m)
      expect(box[2]).toBeGreaterThan(400); // centre height: the plain lies ~500 m up
      expect(json.root.geometricError).toBeGreaterThan(0);
    }
  });

  it('writes the same bytes whether tiles are written on worker_threads or in this thread', async () => {
    const city = generateDemoCity();
    const threaded = mkdtempSync(join(tmpdir(), 'tiles-threaded-'));
    try {
      const r = await tileBuildingsStreaming(city.buildings, city.frame, city.dem, threaded, { workers: 2 });
      expect(r.workers).toBe(2);
      expect(summary.tilerWorkers).toBe(0); // a city this small is tiled in one thread by default
      const digest = (dir: string) => ['tileset.json', ...listGlb(dir).map((f) => relative(dir, f)).sort()]
        .map((f) => `${f} ${createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')}`);
      expect(digest(threaded)).toEqual(digest(join(out, 'buildings')));
    } finally {
      rmSync(threaded, { recursive: true, force: true });
    }
  });

  it('stops between tiles when aborted, on worker_threads or not', async () => {
    const city = generateDemoCity();
    for (const workers of [0, 2]) {
      const dir = mkdtempSync(join(tmpdir(), 'tiles-abort-'));
      const ac = new AbortController();
      let done = 0;
      try {
        await expect(tileBuildingsStreaming(city.buildings, city.frame, city.dem, dir, {
          workers, signal: ac.signal, onProgress: (d) => { done = d; if (d === 3) ac.abort(new Error('tiling aborted by the test')); },
        })).rejects.toThrow('aborted by the test');
        expect(done).toBeLessThanOrEqual(3 + 2 * workers); // the tiles already queued at the workers finish
        expect(listGlb(dir).length).toBeLessThan(10);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it.skipIf(officialValidatorMissing() !== null)(`passes the official 3d-tiles-validator with zero errors (${officialValidatorMissing() ?? 'present'})`, () => {
    const reports = runOfficialValidator(['buildings', 'terrain'].map((t) => join(out, t, 'tileset.json')));
    for (const r of reports) expect({ tileset: r.tileset, errors: r.errors, issues: r.issues }).toEqual({ tileset: r.tileset, errors: 0, issues: [] });
  });
});

if (officialValidatorMissing()) console.log(`tilesets: official validator check skipped: ${officialValidatorMissing()}`);
