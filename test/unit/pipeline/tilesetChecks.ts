/** Checks every tileset test runs on generated output: schemas, glTF validity, box nesting. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCHEMA_DIR, TilesetValidator } from '../../../src/pipeline/validate/TilesetValidator';
import { referenceData, SHARED_DIR, type ReferenceData } from '../../referenceData';
import { validateGlb } from '../../../src/pipeline/validate/validateGlb';
import { checkTileNesting } from '../../../src/pipeline/validate/checkTileNesting';

export const listGlb = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? listGlb(p) : p.endsWith('.glb') ? [p] : [];
});

export function glbJson(bytes: Uint8Array): any {
  const len = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + len)));
}

/** The official 3D Tiles 1.1 schemas: $TILES_SCHEMA_DIR, else ../shared/3d-tiles-schema. */
export const SCHEMA_DIR = process.env.TILES_SCHEMA_DIR ? DEFAULT_SCHEMA_DIR : join(SHARED_DIR, '3d-tiles-schema');

let schemas: ReferenceData | undefined;
/** Why schema checks cannot run here, or null when they can (absent: one skip line; under TWIN_REQUIRE_REFERENCE=1 a failure). */
export function schemasMissing(): string | null {
  schemas ??= referenceData('3D Tiles 1.1 JSON Schema validation of tilesets', '3d-tiles-schema', process.env.TILES_SCHEMA_DIR ? DEFAULT_SCHEMA_DIR : undefined);
  return schemas.present && existsSync(join(SCHEMA_DIR, 'tileset.schema.json')) ? null : `3D Tiles schemas not found at ${SCHEMA_DIR} (add ../shared, or set TWIN_SHARED_DIR or TILES_SCHEMA_DIR)`;
}

let validator: TilesetValidator | undefined;
let told = false;

/**
 * Schema issues (none when the schemas are absent: said once on stdout), nesting issues and glTF validator messages (errors and warnings) of a tileset
 * folder; `glbs` limits the glTF check to those files (default: every glb under the folder).
 */
export async function tilesetProblems(dir: string, glbs = listGlb(dir)): Promise<{ schema: string[]; nesting: string[]; gltf: string[]; tiles: number }> {
  const json = JSON.parse(readFileSync(join(dir, 'tileset.json'), 'utf8'));
  const missing = schemasMissing();
  if (missing && !told) { console.log(`schema checks skipped: ${missing}`); told = true; }
  if (!missing) validator ??= new TilesetValidator(SCHEMA_DIR);
  const schema = validator ? validator.validateTileset(json).map((i) => `${i.path}: ${i.message}`) : [];
  const nesting = checkTileNesting(json);
  const gltf: string[] = [];
  for (const f of glbs) {
    const r = await validateGlb(readFileSync(f), f);
    if (r.errors || r.warnings) gltf.push(`${f}: ${r.messages.join('; ')}`);
  }
  return { schema, nesting: nesting.issues, gltf, tiles: nesting.tiles };
}

/** One glb's property table: its class, the ids, building indices and (blocks) building counts of its features. */
export interface FeatureTable {
  file: string;
  className: string;
  columns: string[];
  ids: string[];
  indices: Uint32Array;
  buildingCounts: number[];
}

/** Reads the feature tables of every building glb under `dir` (strings and scalars decoded from the binary chunk). */
export function featureTables(dir: string): FeatureTable[] {
  return listGlb(dir).map((file) => {
    const bytes = readFileSync(file);
    const json = glbJson(bytes);
    const table = json.extensions.EXT_structural_metadata.propertyTables[0];
    const fid = json.meshes[0].primitives[0].extensions.EXT_mesh_features.featureIds[0];
    if (fid.featureCount !== table.count) throw new Error(`${file}: featureCount ${fid.featureCount} but ${table.count} table rows`);
    const bin = 20 + bytes.readUInt32LE(12) + 8;
    const view = (i: number) => json.bufferViews[i];
    const u32 = (i: number) => new Uint32Array(bytes.buffer.slice(bytes.byteOffset + bin + view(i).byteOffset, bytes.byteOffset + bin + view(i).byteOffset + view(i).byteLength));
    const offsets = u32(table.properties.id.stringOffsets), values = view(table.properties.id.values);
    const ids = Array.from({ length: table.count }, (_, k) => bytes.subarray(bin + values.byteOffset + offsets[k], bin + values.byteOffset + offsets[k + 1]).toString('utf8'));
    return {
      file, className: table.class, columns: Object.keys(table.properties), ids, indices: u32(table.properties.index.values),
      buildingCounts: table.properties.buildingCount ? Array.from(u32(table.properties.buildingCount.values)) : [],
    };
  });
}
