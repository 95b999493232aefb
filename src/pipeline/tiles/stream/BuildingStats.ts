import type { BuildingRecord } from '../../../twin/BuildingRecord';
import { BUILDING_USES } from '../../../twin/BuildingUse';

/** GLB bytes per building beyond its mesh: property-table scalars and string offsets, with slack. */
const TABLE_BYTES_PER_BUILDING = 4 + 2 + 1 + 4 + 4 + 8 * 4 + 8;
/** Mesh bytes per footprint vertex: 5 vertices (4 wall + 1 roof) of position, normal, feature id. */
const MESH_BYTES_PER_RING_POINT = 5 * (12 + 12 + 4);
/** Index bytes per footprint vertex at 4-byte indices: 6 wall + 3 roof indices. */
const INDEX_BYTES_PER_RING_POINT = 9 * 4;

const USE_CODE = new Map<string, number>(BUILDING_USES.map((u, i) => [u, i]));

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

/**
 * What the tile tree and the coarse levels need of every building, in flat arrays (~60 bytes a
 * building instead of its record and mesh): centroid and footprint box (plane m), height (m),
 * footprint area (m²), people, use code, and an upper bound of its bytes in a leaf tile.
 */
export class BuildingStats {
  readonly count: number;
  readonly cx: Float64Array; readonly cy: Float64Array;
  /** Footprint box: minX, minY, maxX, maxY per building (plane m). */
  readonly box: Float64Array;
  readonly heightM: Float32Array;
  readonly areaM2: Float32Array;
  readonly population: Float64Array;
  readonly useCode: Uint8Array;
  readonly bytes: Uint32Array;

  constructor(buildings: ReadonlyArray<BuildingRecord>) {
    const n = buildings.length;
    this.count = n;
    this.cx = new Float64Array(n); this.cy = new Float64Array(n); this.box = new Float64Array(4 * n);
    this.heightM = new Float32Array(n); this.areaM2 = new Float32Array(n); this.population = new Float64Array(n);
    this.useCode = new Uint8Array(n); this.bytes = new Uint32Array(n);
    for (let i = 0; i < n; i++) this.add(i, buildings[i]);
  }

  private add(i: number, b: BuildingRecord): void {
    const ring = b.footprint;
    if (ring.length < 3) throw new Error(`tiler: building ${b.id} has ${ring.length} footprint points, expected at least 3`);
    const use = USE_CODE.get(b.use);
    if (use === undefined) throw new Error(`tiler: building ${b.id} has use "${b.use}", expected one of ${BUILDING_USES.join(', ')}`);
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, sx = 0, sy = 0, a = 0;
    for (let k = 0; k < ring.length; k++) {
      const [x, y] = ring[k], [nx, ny] = ring[(k + 1) % ring.length];
      if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
      sx += x; sy += y; a += x * ny - nx * y;
    }
    this.cx[i] = sx / ring.length; this.cy[i] = sy / ring.length;
    this.box.set([x0, y0, x1, y1], 4 * i);
    this.heightM[i] = b.heightM; this.areaM2[i] = Math.abs(a) / 2; this.population[i] = b.population;
    this.useCode[i] = use;
    const text = utf8Length(b.id) + utf8Length(b.addressId) + utf8Length(b.address) + utf8Length(b.addressPinyin)
      + utf8Length(b.districtId) + utf8Length(b.streetId) + utf8Length(b.communityId) + utf8Length(b.gridId);
    this.bytes[i] = ring.length * (MESH_BYTES_PER_RING_POINT + INDEX_BYTES_PER_RING_POINT) + TABLE_BYTES_PER_BUILDING + text;
  }
}
