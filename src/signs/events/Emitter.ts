/**
 * A small typed event emitter: subscribe returns its own unsubscribe; a throwing listener does
 * not stop the others or the code that emitted (its error is rethrown on a microtask so it still
 * surfaces); dispose() drops every listener and is safe twice.
 */
export class Emitter<Events extends { [K in keyof Events]: unknown }> {
  private listeners = new Map<keyof Events, Set<(e: never) => void>>();
  private disposed = false;

  subscribe<K extends keyof Events>(type: K, listener: (event: Events[K]) => void): () => void {
    if (this.disposed) throw new Error(`subscribe('${String(type)}'): the emitter is disposed`);
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as (e: never) => void);
    return () => this.unsubscribe(type, listener);
  }

  unsubscribe<K extends keyof Events>(type: K, listener: (event: Events[K]) => void): void {
    this.listeners.get(type)?.delete(listener as (e: never) => void);
  }

  /** True when someone listens to `type` (lets emitters skip building an event). */
  has(type: keyof Events): boolean {
    return (this.listeners.get(type)?.size ?? 0) > 0;
  }

  emit<K extends keyof Events>(type: K, event: Events[K]): void {
    const set = this.listeners.get(type);
    if (!set) return;
    for (const l of set) {
      try {
        (l as (e: Events[K]) => void)(event);
      } catch (err) {
        queueMicrotask(() => { throw err; });
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
