/**
 * The spatial unit the user has selected (a district, a community, a building, a floor), as the
 * drill-down sets it: tools that work on "the selection" (e.g. sunlight hours) read it from here
 * rather than from the drill-down's panel.
 */
export class Selection {
  private current: string | null = null;
  private readonly listeners = new Set<(unitId: string | null) => void>();

  /** The selected unit's id, or null. */
  get unitId(): string | null { return this.current; }

  set(unitId: string | null): void {
    if (unitId === this.current) return;
    this.current = unitId;
    for (const l of this.listeners) l(unitId);
  }

  /** Calls `listener` on every change; returns its remover. */
  subscribe(listener: (unitId: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }
}
