import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCity, type DemoCitySummary } from '../../../src/pipeline/buildDemoCity';
import { TilesetValidator } from '../../../src/pipeline/validate/TilesetValidator';
import { validateGlb } from '../../../src/pipeline/validate/validateGlb';
import { ecefToGeodetic } from '../../../src/geo/wgs84';
import { referenceData } from '../../referenceData';

const listGlb = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? listGlb(p) : p.endsWith('.glb') ? [p] : [];
});

function glbJson(bytes: Buffer): any {
  const len = bytes.readUInt32LE(12);
  return JSON.parse(bytes.subarray(20, 20 + len).toString('utf8'));
}

describe('buildDemoCity tilesets', () => {
  let out: string;
  let summary: DemoCitySummary;
  const schemas = referenceData('3D Tiles 1.1 JSON Schema validation of the demo tilesets', '3d-tiles-schema', process.env.TILES_SCHEMA_DIR);
  const validator = schemas.present ? new TilesetValidator(schemas.path) : null;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'tiles-'));
    summary = await buildDemoCity(out);
  });

  it('reports buildings, tiles, bytes and seconds', () => {
    expect(summary.buildings).toBeGreaterThan(20000);
    expect(summary.buildingTiles).toBeGreaterThan(50);
    expect(summary.terrainTiles).toBe(85);
    expect(summary.bytes).toBeGreaterThan(1e6);
    expect(summary.seconds).toBeGreaterThan(0);
  });

  it.skipIf(!schemas.present)('writes tileset.json files that pass the official 3D Tiles 1.1 schemas', () => {
    for (const t of ['buildings', 'terrain']) {
      const json = JSON.parse(readFileSync(join(out, t, 'tileset.json'), 'utf8'));
      expect(json.asset.version).toBe('1.1');
      expect(validator!.validateTileset(json)).toEqual([]);
    }
  });

  it.skipIf(!schemas.present)('catches a broken tileset (the validator can fail)', () => {
    const json = JSON.parse(readFileSync(join(out, 'buildings', 'tileset.json'), 'utf8'));
    delete json.root.boundingVolume;
    json.geometricError = -1;
    expect(validator!.validateTileset(json).length).toBeGreaterThan(0);
  });

  it('writes glb content with zero glTF validator errors and warnings', async () => {
    const files = [...listGlb(join(out, 'buildings')), ...listGlb(join(out, 'terrain'))];
    expect(files.length).toBe(summary.tiles);
    for (const f of files) {
      const report = await validateGlb(readFileSync(f), f);
      expect({ f, errors: report.errors, warnings: report.warnings, messages: report.messages }).toEqual({ f, errors: 0, warnings: 0, messages: [] });
    }
  });

  it('puts every building exactly once in a feature table with its metadata', () => {
    let features = 0;
    const ids = new Set<string>();
    for (const f of listGlb(join(out, 'buildings'))) {
      const bytes = readFileSync(f);
      const json = glbJson(bytes);
      const table = json.extensions.EXT_structural_metadata.propertyTables[0];
      const fid = json.meshes[0].primitives[0].extensions.EXT_mesh_features.featureIds[0];
      expect(fid.featureCount).toBe(table.count);
      expect(Object.keys(table.properties)).toEqual(expect.arrayContaining(['id', 'height', 'floors', 'use', 'addressId', 'gridId']));
      // Decode the id strings from the binary chunk.
      const binStart = 20 + bytes.readUInt32LE(12) + 8;
      const view = (i: number) => json.bufferViews[i];
      const offView = view(table.properties.id.stringOffsets), valView = view(table.properties.id.values);
      const offsets = new Uint32Array(bytes.buffer.slice(bytes.byteOffset + binStart + offView.byteOffset, bytes.byteOffset + binStart + offView.byteOffset + offView.byteLength));
      for (let i = 0; i < table.count; i++) {
        ids.add(bytes.subarray(binStart + valView.byteOffset + offsets[i], binStart + valView.byteOffset + offsets[i + 1]).toString('utf8'));
      }
      features += table.count;
    }
    expect(features).toBe(summary.buildings);
    expect(ids.size).toBe(summary.buildings);
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

  it('refines buildings by height: the root holds only towers, leaves the low-rise', () => {
    const json = JSON.parse(readFileSync(join(out, 'buildings', 'tileset.json'), 'utf8'));
    expect(json.root.refine).toBe('ADD');
    const leafErrors: number[] = [];
    const walk = (t: any, parentError: number) => {
      expect(t.geometricError).toBeLessThanOrEqual(parentError);
      if (!t.children) leafErrors.push(t.geometricError);
      for (const c of t.children ?? []) walk(c, t.geometricError);
    };
    walk(json.root, json.geometricError);
    expect(Math.max(...leafErrors)).toBe(0);
  });
});
