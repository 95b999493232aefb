import type { LayerOfKind, OverlayLayer, OverlayLayerKind } from './overlayLayers';
import { sameLayerData } from './sameLayerData';
import { validateOverlayLayer } from './validateOverlayLayer';

/** One change of the model: a layer set (new data, new version) or removed. */
export interface OverlayChange {
  id: string;
  kind: OverlayLayerKind;
  /** The layer's new version; 0 when removed. */
  version: number;
  removed: boolean;
}

interface Entry { layer: OverlayLayer; version: number; shared: boolean }

/** How a layer is set. */
export interface OverlaySetOptions {
  /** Other displays of the city mirror the layer (see OverlayMirror): results meant for the wall. */
  share?: boolean;
}

/**
 * The overlay model both views draw: named layers of plain data (see overlayLayers.ts), each with
 * a version that changes whenever the layer is set, so a view redoes only the layers that changed
 * (deck.gl's change flags). No DOM, three or Cesium here: it is twin state.
 *
 * Layers are replaced whole (`set`); data given to `set` must not be mutated afterwards, except by
 * setting it again (a buffer refilled in place, then set: a change). Setting a layer to a fresh copy
 * of the data it already holds is no change: panels that rebuild theirs on a timer (incidents every
 * 5 s, vehicles every hub tick) would otherwise make both views redraw for nothing, and on software
 * WebGL one workspace frame costs about half a second of a core.
 */
export class OverlayModel {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(change: OverlayChange) => void>();
  /** Versions come from one counter, so a layer removed and set again never reuses a version. */
  private counter = 0;

  /**
   * Sets (adds or replaces) a layer; throws, naming the field, on bad data. Returns the layer's
   * version: a new one, or the current one when it was given a fresh copy of the data it holds, shared alike.
   */
  set(id: string, layer: OverlayLayer, options: OverlaySetOptions = {}): number {
    if (typeof id !== 'string' || id.length === 0) throw new Error(`overlay layer id must be a non-empty string (got ${String(id)})`);
    validateOverlayLayer(id, layer);
    const was = this.entries.get(id);
    if (was && was.shared === (options.share === true) && sameLayerData(was.layer, layer)) return was.version;
    const version = ++this.counter;
    this.entries.set(id, { layer, version, shared: options.share === true });
    this.emit({ id, kind: layer.kind, version, removed: false });
    return version;
  }

  /** Removes a layer; false when there was none. */
  remove(id: string): boolean {
    const e = this.entries.get(id);
    if (!e) return false;
    this.entries.delete(id);
    this.counter++;
    this.emit({ id, kind: e.layer.kind, version: 0, removed: true });
    return true;
  }

  clear(): void {
    for (const id of [...this.entries.keys()]) this.remove(id);
  }

  get(id: string): OverlayLayer | undefined {
    return this.entries.get(id)?.layer;
  }

  /** True when the layer was set to be shared with the city's other displays. */
  isShared(id: string): boolean {
    return this.entries.get(id)?.shared ?? false;
  }

  /** The layer's version, 0 when absent. */
  versionOf(id: string): number {
    return this.entries.get(id)?.version ?? 0;
  }

  /** Grows with every change of any layer (a cheap "anything changed?" check). */
  get version(): number {
    return this.counter;
  }

  /** Layer ids in the order they were first set (drawing order). */
  ids(): string[] {
    return [...this.entries.keys()];
  }

  /** Every layer of a kind, in drawing order. */
  layersOfKind<K extends OverlayLayerKind>(kind: K): Array<{ id: string; layer: LayerOfKind<K> }> {
    const out: Array<{ id: string; layer: LayerOfKind<K> }> = [];
    for (const [id, e] of this.entries) if (e.layer.kind === kind) out.push({ id, layer: e.layer as LayerOfKind<K> });
    return out;
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (change: OverlayChange) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  private emit(change: OverlayChange): void {
    for (const l of this.listeners) l(change);
  }
}
