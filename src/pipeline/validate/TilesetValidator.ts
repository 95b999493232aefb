import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/** The official 3D Tiles 1.1 JSON Schemas: $TILES_SCHEMA_DIR, else ../shared/3d-tiles-schema beside the repository. */
export const DEFAULT_SCHEMA_DIR = process.env.TILES_SCHEMA_DIR ?? join(import.meta.dirname ?? '.', '../../../../shared/3d-tiles-schema');

export interface SchemaIssue { path: string; message: string }

function listJson(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listJson(p) : f.endsWith('.json') ? [p] : [];
  });
}

/**
 * Validates tileset.json and subtree JSON against the official 3D Tiles 1.1 schemas (draft 2020-12).
 * Each schema is registered under its path in the schema folder, so relative `$ref`s resolve as written.
 */
export class TilesetValidator {
  private readonly tileset: ValidateFunction;
  private readonly subtree: ValidateFunction;

  constructor(schemaDir = DEFAULT_SCHEMA_DIR) {
    if (!existsSync(join(schemaDir, 'tileset.schema.json'))) {
      throw new Error(`TilesetValidator: no 3D Tiles schemas at ${schemaDir} (expected ../shared/3d-tiles-schema beside the repository, or set TILES_SCHEMA_DIR)`);
    }
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    // URI formats are not checked by the schemas' intent here; accept them rather than warn.
    for (const f of ['iri-reference', 'uri-reference', 'uri', 'iri']) ajv.addFormat(f, true);
    const base = 'https://schemas.local/3d-tiles/';
    for (const file of listJson(schemaDir)) {
      const schema = JSON.parse(readFileSync(file, 'utf8'));
      schema.$id = base + relative(schemaDir, file).split('\\').join('/');
      ajv.addSchema(schema);
    }
    this.tileset = ajv.getSchema(base + 'tileset.schema.json')!;
    this.subtree = ajv.getSchema(base + 'Subtree/subtree.schema.json')!;
    if (!this.tileset || !this.subtree) throw new Error(`TilesetValidator: tileset/subtree schema not found in ${schemaDir}`);
  }

  validateTileset(json: unknown): SchemaIssue[] {
    return this.run(this.tileset, json);
  }

  validateSubtree(json: unknown): SchemaIssue[] {
    return this.run(this.subtree, json);
  }

  private run(fn: ValidateFunction, json: unknown): SchemaIssue[] {
    if (fn(json)) return [];
    return (fn.errors ?? []).map((e) => ({ path: e.instancePath || '/', message: `${e.message ?? 'invalid'} (${e.schemaPath})` }));
  }
}
