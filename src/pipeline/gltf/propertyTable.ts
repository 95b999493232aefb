import type { GlbBuilder } from './GlbBuilder';

/** A metadata class property as EXT_structural_metadata describes it (subset we use). */
export interface ClassProperty {
  type: 'STRING' | 'SCALAR' | 'ENUM';
  componentType?: 'UINT8' | 'UINT16' | 'UINT32' | 'FLOAT32';
  enumType?: string;
  description?: string;
}

export interface MetadataSchema {
  id: string;
  classes: Record<string, { name?: string; description?: string; properties: Record<string, ClassProperty> }>;
  enums?: Record<string, { valueType: 'UINT8'; values: Array<{ name: string; value: number }> }>;
}

const SCALAR_ARRAYS = { UINT8: Uint8Array, UINT16: Uint16Array, UINT32: Uint32Array, FLOAT32: Float32Array } as const;

function bytesOf(a: ArrayBufferView): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** UTF-8 bytes of all strings back to back, and the offset of each (n + 1 offsets): one buffer, no copy per string. */
function encodeStrings(encoder: TextEncoder, strings: string[]): { values: Uint8Array; offsets: Uint32Array } {
  let room = 0;
  for (const s of strings) room += 3 * s.length;
  const buffer = new Uint8Array(room), offsets = new Uint32Array(strings.length + 1);
  let at = 0;
  strings.forEach((s, i) => {
    at += encoder.encodeInto(s, buffer.subarray(at)).written;
    offsets[i + 1] = at;
  });
  return { values: buffer.slice(0, at), offsets };
}

/**
 * Adds the EXT_structural_metadata schema and one property table (columns in schema order) to a
 * glTF being built, and returns the property table index. `rows` are plain objects keyed by property name.
 * A string column that is empty (or absent) in every row is left out of the table, as the extension
 * allows for properties that are not required: glTF forbids the zero-length bufferView its values
 * would need, and readers answer `undefined` for it, as for a missing value. Other columns must be
 * given in every row (the official validator cannot read a table that leaves a number out).
 */
export function addPropertyTable(
  glb: GlbBuilder, schema: MetadataSchema, className: string, rows: ReadonlyArray<Record<string, string | number | undefined>>,
): number {
  const cls = schema.classes[className];
  if (!cls) throw new Error(`addPropertyTable: class "${className}" not in schema ${schema.id}`);
  const properties: Record<string, Record<string, unknown>> = {};
  const encoder = new TextEncoder();
  for (const [name, def] of Object.entries(cls.properties)) {
    if (def.type === 'STRING') {
      const { values, offsets } = encodeStrings(encoder, rows.map((r) => String(r[name] ?? '')));
      if (values.byteLength === 0) continue;
      properties[name] = { values: glb.addBufferView(values), stringOffsets: glb.addBufferView(bytesOf(offsets)), stringOffsetType: 'UINT32' };
    } else if (def.type === 'ENUM') {
      const enumDef = schema.enums?.[def.enumType ?? ''];
      if (!enumDef) throw new Error(`addPropertyTable: enum "${def.enumType}" of property "${name}" not in schema`);
      const byName = new Map(enumDef.values.map((v) => [v.name, v.value]));
      const values = new Uint8Array(rows.map((r) => {
        const v = byName.get(String(r[name]));
        if (v === undefined) throw new Error(`addPropertyTable: "${r[name]}" is not a value of enum ${def.enumType} (property ${name})`);
        return v;
      }));
      properties[name] = { values: glb.addBufferView(values) };
    } else {
      const Ctor = SCALAR_ARRAYS[def.componentType ?? 'FLOAT32'];
      const values = rows.map((r) => Number(r[name]));
      const bad = values.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0) throw new Error(`addPropertyTable: row ${bad} has ${JSON.stringify(rows[bad][name])} for the ${def.componentType} property "${name}", expected a number`);
      properties[name] = { values: glb.addBufferView(bytesOf(Ctor.from(values))) };
    }
  }
  glb.json.extensionsUsed = [...new Set([...(glb.json.extensionsUsed ?? []), 'EXT_structural_metadata'])];
  const ext = (glb.json.extensions ??= {}).EXT_structural_metadata ??= { schema, propertyTables: [] };
  ext.propertyTables.push({ name: className, class: className, count: rows.length, properties });
  return ext.propertyTables.length - 1;
}
