/**
 * Minimal glTF 2.0 binary writer: one buffer, tightly packed bufferViews aligned to 8 bytes,
 * accessors with min/max where the spec requires them. Enough for batched tile content; the
 * output is checked by the Khronos validator in tests.
 */

export const GL = {
  BYTE: 5120, UNSIGNED_BYTE: 5121, UNSIGNED_SHORT: 5123, UNSIGNED_INT: 5125, FLOAT: 5126,
  ARRAY_BUFFER: 34962, ELEMENT_ARRAY_BUFFER: 34963,
} as const;

type TypedArray = Float32Array | Uint32Array | Uint16Array | Uint8Array | Int8Array;
type AccessorType = 'SCALAR' | 'VEC2' | 'VEC3' | 'VEC4';

const COMPONENTS: Record<AccessorType, number> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 };

function componentTypeOf(a: TypedArray): number {
  if (a instanceof Float32Array) return GL.FLOAT;
  if (a instanceof Uint32Array) return GL.UNSIGNED_INT;
  if (a instanceof Uint16Array) return GL.UNSIGNED_SHORT;
  if (a instanceof Int8Array) return GL.BYTE;
  return GL.UNSIGNED_BYTE;
}

export class GlbBuilder {
  /** The glTF JSON being built; callers add meshes, nodes, materials and extensions directly. */
  readonly json: Record<string, any> = {
    asset: { version: '2.0', generator: 'rongcheng-twin pipeline' },
    buffers: [], bufferViews: [], accessors: [],
  };
  private readonly chunks: Uint8Array[] = [];
  private byteLength = 0;

  /** Appends raw bytes as a bufferView (8-byte aligned) and returns its index. */
  addBufferView(bytes: Uint8Array, target?: number): number {
    const pad = (8 - (this.byteLength % 8)) % 8;
    if (pad) { this.chunks.push(new Uint8Array(pad)); this.byteLength += pad; }
    const view: Record<string, number> = { buffer: 0, byteOffset: this.byteLength, byteLength: bytes.byteLength };
    if (target !== undefined) view.target = target;
    this.chunks.push(bytes);
    this.byteLength += bytes.byteLength;
    this.json.bufferViews.push(view);
    return this.json.bufferViews.length - 1;
  }

  /** Adds a typed array as a bufferView + accessor; `withBounds` writes min/max (required for POSITION). */
  addAccessor(data: TypedArray, type: AccessorType, opts: { target?: number; withBounds?: boolean; normalized?: boolean } = {}): number {
    const view = this.addBufferView(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), opts.target);
    const n = COMPONENTS[type];
    const accessor: Record<string, unknown> = { bufferView: view, componentType: componentTypeOf(data), count: data.length / n, type };
    if (opts.normalized) accessor.normalized = true;
    if (opts.withBounds) {
      const min = new Array<number>(n), max = new Array<number>(n);
      for (let c = 0; c < n; c++) {
        let lo = Infinity, hi = -Infinity;
        for (let i = c; i < data.length; i += n) {
          const v = data[i];
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        min[c] = lo;
        max[c] = hi;
      }
      accessor.min = min;
      accessor.max = max;
    }
    this.json.accessors.push(accessor);
    return this.json.accessors.length - 1;
  }

  /** Serialises to GLB bytes (JSON chunk padded with spaces, BIN chunk with zeros). */
  toGlb(): Uint8Array {
    const bin = new Uint8Array(this.byteLength + ((4 - (this.byteLength % 4)) % 4));
    let o = 0;
    for (const c of this.chunks) { bin.set(c, o); o += c.byteLength; }
    this.json.buffers = bin.byteLength > 0 ? [{ byteLength: bin.byteLength }] : [];
    if (bin.byteLength === 0) delete this.json.bufferViews;
    let jsonBytes = new TextEncoder().encode(JSON.stringify(this.json));
    const jsonPad = (4 - (jsonBytes.byteLength % 4)) % 4;
    if (jsonPad) {
      const padded = new Uint8Array(jsonBytes.byteLength + jsonPad).fill(0x20);
      padded.set(jsonBytes);
      jsonBytes = padded;
    }
    const total = 12 + 8 + jsonBytes.byteLength + (bin.byteLength ? 8 + bin.byteLength : 0);
    const out = new Uint8Array(total);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, 0x46546c67, true); // 'glTF'
    dv.setUint32(4, 2, true);
    dv.setUint32(8, total, true);
    dv.setUint32(12, jsonBytes.byteLength, true);
    dv.setUint32(16, 0x4e4f534a, true); // 'JSON'
    out.set(jsonBytes, 20);
    if (bin.byteLength) {
      const at = 20 + jsonBytes.byteLength;
      dv.setUint32(at, bin.byteLength, true);
      dv.setUint32(at + 4, 0x004e4942, true); // 'BIN\0'
      out.set(bin, at + 8);
    }
    return out;
  }
}
