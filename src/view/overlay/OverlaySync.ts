import type { OverlayImplFactories, OverlayLayerImpl } from './OverlayAdapter';
import type { OverlayModel } from './OverlayModel';
import type { OverlayLayer, OverlayLayerKind } from './overlayLayers';

interface Slot { kind: OverlayLayerKind; impl: OverlayLayerImpl; drawnVersion: number }

/**
 * Keeps one engine's layer implementations in step with an overlay model, engine-agnostic.
 * Model changes only mark layers dirty; `sync()` (called by the engine before it draws a frame)
 * redoes the dirty ones: new layer -> create, initialize, update, activate; new version -> update;
 * removed or kind changed -> deactivate, destroy. A frame with nothing dirty does no work.
 */
export class OverlaySync {
  private model: OverlayModel | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly slots = new Map<string, Slot>();
  private readonly dirty = new Set<string>();
  private active = true;

  constructor(private readonly factories: OverlayImplFactories, private readonly onDirty: () => void = () => {}) {}

  attach(model: OverlayModel): void {
    this.detach();
    this.model = model;
    this.unsubscribe = model.subscribe((c) => { this.dirty.add(c.id); this.onDirty(); });
    for (const id of model.ids()) this.dirty.add(id);
    this.onDirty();
  }

  /** True when a layer waits for `sync()`. */
  get pending(): boolean {
    return this.dirty.size > 0;
  }

  /** Applies pending changes; returns the number of layers redone. */
  sync(): number {
    if (this.dirty.size === 0) return 0;
    let n = 0;
    for (const id of this.dirty) {
      this.syncOne(id);
      n++;
    }
    this.dirty.clear();
    return n;
  }

  private syncOne(id: string): void {
    const layer = this.model?.get(id);
    const version = this.model?.versionOf(id) ?? 0;
    let slot = this.slots.get(id);
    if (slot && (!layer || layer.kind !== slot.kind)) {
      this.drop(id, slot);
      slot = undefined;
    }
    if (!layer) return;
    if (!slot) {
      const impl = (this.factories[layer.kind] as (id: string) => OverlayLayerImpl<OverlayLayer>)(id);
      impl.initialize();
      slot = { kind: layer.kind, impl, drawnVersion: -1 };
      this.slots.set(id, slot);
      impl.update(layer);
      slot.drawnVersion = version;
      if (this.active) impl.activate();
      return;
    }
    if (slot.drawnVersion !== version) {
      slot.impl.update(layer);
      slot.drawnVersion = version;
    }
  }

  private drop(id: string, slot: Slot): void {
    slot.impl.deactivate();
    slot.impl.destroy();
    this.slots.delete(id);
  }

  /** Shows or hides every layer (e.g. while the view is hidden). */
  setActive(active: boolean): void {
    if (active === this.active) return;
    this.active = active;
    for (const s of this.slots.values()) (active ? s.impl.activate() : s.impl.deactivate());
  }

  /** Visits every live implementation (e.g. to tell them the viewport changed). */
  forEach(visit: (impl: OverlayLayerImpl, id: string) => void): void {
    for (const [id, s] of this.slots) visit(s.impl, id);
  }

  /** The version each layer was last drawn at (for tests and diagnostics). */
  drawnVersions(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [id, s] of this.slots) out[id] = s.drawnVersion;
    return out;
  }

  /** Stops following the model and destroys every implementation. */
  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.model = null;
    for (const [id, s] of [...this.slots]) this.drop(id, s);
    this.dirty.clear();
  }

  dispose(): void {
    this.detach();
  }
}
