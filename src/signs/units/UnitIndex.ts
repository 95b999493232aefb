/**
 * The spatial-unit hierarchy as the signs module needs it: each unit gets a dense index, its level
 * (0 grid cell, 1 community, 2 street, 3 district, 4 city) and its parent index, so aggregating a
 * sensor into its five units is five array reads.
 */

/** Unit levels from fine to coarse; a level's position is its LEVEL index. */
export const UNIT_LEVELS = ['grid', 'community', 'street', 'district', 'city'] as const;
export type SignsUnitLevel = (typeof UNIT_LEVELS)[number];
export const LEVEL_COUNT = UNIT_LEVELS.length;

/** What a unit must provide (PlaneUnit from the demo city fits). */
export interface UnitRecord {
  id: string;
  level: string;
  name: string;
  namePinyin: string;
  parentId: string | null;
}

export class UnitIndex {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly namesPinyin: readonly string[];
  /** Level index per unit (see UNIT_LEVELS). */
  readonly levels: Uint8Array;
  /** Parent unit index, -1 for the root. */
  readonly parents: Int32Array;
  private readonly byId = new Map<string, number>();

  /** Throws when a unit has an unknown level or a parent id that is not in the list. */
  constructor(units: readonly UnitRecord[]) {
    this.ids = units.map((u) => u.id);
    this.names = units.map((u) => u.name);
    this.namesPinyin = units.map((u) => u.namePinyin);
    this.levels = new Uint8Array(units.length);
    this.parents = new Int32Array(units.length);
    units.forEach((u, i) => {
      const level = UNIT_LEVELS.indexOf(u.level as SignsUnitLevel);
      if (level < 0) throw new Error(`units[${i}] (${u.id}).level: expected one of ${UNIT_LEVELS.join('|')}, got "${u.level}"`);
      this.levels[i] = level;
      this.byId.set(u.id, i);
    });
    units.forEach((u, i) => {
      const p = u.parentId === null ? -1 : this.byId.get(u.parentId);
      if (p === undefined) throw new Error(`units[${i}] (${u.id}).parentId: expected the id of a listed unit, got "${u.parentId}"`);
      this.parents[i] = p;
    });
  }

  get size(): number {
    return this.ids.length;
  }

  /** Dense index of a unit id, or -1. */
  indexOf(id: string): number {
    return this.byId.get(id) ?? -1;
  }

  /** Dense index of a unit id; throws naming the id when absent. */
  require(id: string): number {
    const i = this.byId.get(id);
    if (i === undefined) throw new Error(`unit id: expected a known spatial unit, got "${id}"`);
    return i;
  }

  /**
   * Writes the unit indices of `unitIndex` and its ancestors into `out[offset + level]`, one per
   * level; levels the chain does not cover are -1.
   */
  chain(unitIndex: number, out: Int32Array, offset: number): void {
    for (let l = 0; l < LEVEL_COUNT; l++) out[offset + l] = -1;
    for (let u = unitIndex; u >= 0; u = this.parents[u]) out[offset + this.levels[u]] = u;
  }

  /** Unit indices of one level, in list order. */
  unitsOfLevel(level: SignsUnitLevel): Int32Array {
    const l = UNIT_LEVELS.indexOf(level);
    const out: number[] = [];
    for (let i = 0; i < this.levels.length; i++) if (this.levels[i] === l) out.push(i);
    return Int32Array.from(out);
  }

  /**
   * Names from the district down to `unitIndex` run together (Chinese order), or with `pinyin`
   * from the unit up to the district, comma-separated (address order in pinyin).
   */
  pathName(unitIndex: number, pinyin = false): string {
    const parts: string[] = [];
    for (let u = unitIndex; u >= 0 && this.levels[u] < 4; u = this.parents[u]) {
      if (this.levels[u] > 0) parts.push(pinyin ? this.namesPinyin[u] : this.names[u]);
    }
    return pinyin ? parts.join(', ') : parts.reverse().join('');
  }
}
