import { DEFAULT_BUILDING_PRIORITY } from './buildingColorPriority';
import type { BuildingBlend, BuildingColorLayer, FeatureColorLayer } from './overlayLayers';

/** Reads a CSS colour into 4 sRGB bytes at `offset` (each view passes its engine's parser). */
export type CssToRgba = (css: string, out: Uint8Array, offset: number) => void;

/** Texels per row of the state texture: 2048 keeps 10^6 buildings within 489 rows. */
export const STATE_TEXTURE_WIDTH = 2048;

/**
 * The alpha byte reserved for "hidden" (a 'hide' layer): both views' building shaders drop a
 * building whose texel has exactly this alpha. A colour that composes to it is written as 2
 * (1/255 and 2/255 look the same), so only a hide layer ever hides.
 */
export const HIDDEN_ALPHA = 1;

interface Entry {
  priority: number;
  blend: BuildingBlend;
  /** Insertion order: equal priorities stack in the order the layers first appeared. */
  order: number;
  dense: Uint8Array | null;
  /** Sparse layers: building id -> 4 bytes, parsed once when the layer is set. */
  sparse: Map<string, Uint8Array> | null;
}

/**
 * Stacks every building colour layer of an overlay model into one state: 4 sRGB bytes per
 * building, indexed by the building's index in the city (the tiles' `_CITY_INDEX` attribute),
 * which both views upload as one texture that their building shaders read. Changing any number
 * of colours rewrites bytes, never a shader.
 *
 * Dense layers (`buildingColors`) are already by index. Sparse layers (`featureColors`) name
 * buildings by id: the view tells the compositor each loaded tile's (id, index) pairs (`learn`),
 * and a sparse colour shows once its building's tile has loaded.
 */
export class BuildingColorCompositor {
  private readonly entries = new Map<string, Entry>();
  private readonly indexOfId = new Map<string, number>();
  private counter = 0;
  private dirty = false;
  private data: Uint8Array;
  private capacity: number;
  /** Grows when the state's size changes (the views then reallocate their texture). */
  sizeVersion = 0;

  constructor(private readonly parse: CssToRgba, buildings = 0) {
    this.capacity = roundCapacity(buildings);
    this.data = new Uint8Array(this.capacity * 4);
  }

  /** The composed state: 4 bytes per building, `rows` rows of STATE_TEXTURE_WIDTH texels. */
  get state(): Uint8Array { return this.data; }
  get rows(): number { return this.capacity / STATE_TEXTURE_WIDTH; }
  get layerCount(): number { return this.entries.size; }

  /** Sets or (with null) removes one layer's colours. */
  setLayer(id: string, layer: FeatureColorLayer | BuildingColorLayer | null): void {
    if (!layer) {
      if (this.entries.delete(id)) this.dirty = true;
      return;
    }
    const order = this.entries.get(id)?.order ?? this.counter++;
    const entry: Entry = { priority: layer.priority ?? DEFAULT_BUILDING_PRIORITY, blend: layer.blend ?? 'replace', order, dense: null, sparse: null };
    if (layer.kind === 'buildingColors') {
      entry.dense = layer.rgba;
      this.grow(layer.rgba.length / 4);
    } else {
      entry.sparse = new Map();
      for (const [bid, css] of layer.colors) {
        const rgba = new Uint8Array(4);
        this.parse(css, rgba, 0);
        entry.sparse.set(bid, rgba);
      }
    }
    this.entries.set(id, entry);
    this.dirty = true;
  }

  /** Records the buildings of a loaded tile (ids and their city indices). */
  learn(ids: readonly string[], indices: ArrayLike<number>): void {
    let sparseHit = false;
    for (let k = 0; k < ids.length; k++) {
      if (!ids[k]) continue;
      this.indexOfId.set(ids[k], indices[k]);
      this.grow(indices[k] + 1);
      if (!sparseHit) for (const e of this.entries.values()) if (e.sparse?.has(ids[k])) { sparseHit = true; break; }
    }
    if (sparseHit) this.dirty = true;
  }

  /** The city index of a building id seen in a loaded tile, or -1. */
  indexOf(id: string): number {
    return this.indexOfId.get(id) ?? -1;
  }

  /** Recomposes when anything changed; returns true when the state was rewritten. */
  compose(): boolean {
    if (!this.dirty) return false;
    this.dirty = false;
    const out = this.data;
    out.fill(0);
    const sorted = [...this.entries.values()].sort((a, b) => a.priority - b.priority || a.order - b.order);
    for (const e of sorted) {
      if (e.blend === 'hide') continue;
      if (e.dense) {
        const n = Math.min(e.dense.length, out.length);
        for (let o = 0; o < n; o += 4) if (e.dense[o + 3] > 0) blendInto(out, o, e.dense, o, e.blend);
      } else if (e.sparse) {
        for (const [bid, rgba] of e.sparse) {
          const i = this.indexOfId.get(bid);
          if (i !== undefined && rgba[3] > 0) blendInto(out, i * 4, rgba, 0, e.blend);
        }
      }
    }
    for (let o = 3; o < out.length; o += 4) if (out[o] === HIDDEN_ALPHA) out[o] = HIDDEN_ALPHA + 1;
    for (const e of sorted) if (e.blend === 'hide') this.hide(out, e);
    return true;
  }

  /** Marks a hide layer's buildings: every dense texel with alpha > 0, every listed id. */
  private hide(out: Uint8Array, e: Entry): void {
    const mark = (o: number) => { out[o] = 0; out[o + 1] = 0; out[o + 2] = 0; out[o + 3] = HIDDEN_ALPHA; };
    if (e.dense) {
      const n = Math.min(e.dense.length, out.length);
      for (let o = 0; o < n; o += 4) if (e.dense[o + 3] > 0) mark(o);
    } else if (e.sparse) {
      for (const bid of e.sparse.keys()) {
        const i = this.indexOfId.get(bid);
        if (i !== undefined) mark(i * 4);
      }
    }
  }

  /** How many of the given city indices carry a colour now (e.g. a view's loaded buildings); hidden ones do not count. */
  countColoured(indices: Iterable<number>): number {
    let n = 0;
    for (const i of indices) if (i * 4 + 3 < this.data.length && this.data[i * 4 + 3] > HIDDEN_ALPHA) n++;
    return n;
  }

  /** How many of the given city indices are hidden now. */
  countHidden(indices: Iterable<number>): number {
    let n = 0;
    for (const i of indices) if (i * 4 + 3 < this.data.length && this.data[i * 4 + 3] === HIDDEN_ALPHA) n++;
    return n;
  }

  private grow(buildings: number): void {
    if (buildings <= this.capacity) return;
    this.capacity = roundCapacity(buildings);
    const next = new Uint8Array(this.capacity * 4);
    next.set(this.data);
    this.data = next;
    this.sizeVersion++;
    this.dirty = true;
  }
}

function roundCapacity(buildings: number): number {
  return Math.max(1, Math.ceil(buildings / STATE_TEXTURE_WIDTH)) * STATE_TEXTURE_WIDTH;
}

/** Writes src's texel over out's: replaced, or alpha-composited ("over", straight alpha). */
function blendInto(out: Uint8Array, o: number, src: Uint8Array, s: number, blend: BuildingBlend): void {
  const a = src[s + 3] / 255, below = out[o + 3] / 255;
  if (blend === 'replace' || below === 0) {
    out[o] = src[s]; out[o + 1] = src[s + 1]; out[o + 2] = src[s + 2]; out[o + 3] = src[s + 3];
    return;
  }
  const alpha = a + below * (1 - a);
  for (let c = 0; c < 3; c++) out[o + c] = Math.round((src[s + c] * a + out[o + c] * below * (1 - a)) / alpha);
  out[o + 3] = Math.round(alpha * 255);
}
