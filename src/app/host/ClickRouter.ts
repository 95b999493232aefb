import type { BuildingProperties } from '../../ui/BuildingPanel';

/** What a click on the city hit, as the view reports it. */
export interface ClickHit {
  /** Ground or roof position (degrees), or null when the click hit the sky. */
  lonLat: [number, number] | null;
  /** The picked building's metadata, or null. */
  building: BuildingProperties | null;
  /** Id of another picked object (a sensor marker, a vehicle), or null. */
  objectId: string | null;
}

/** Who gets a click first: an armed tool, then a marker's owner, then building info. */
export const CLICK_PRIORITY = { tool: 100, object: 50, building: 0 } as const;

type Handler = (hit: ClickHit) => boolean;

/**
 * Routes each click on the view to the features that asked for clicks, highest priority first,
 * until one returns true (consumed). Equal priorities keep the order they were added in.
 */
export class ClickRouter {
  private readonly handlers: Array<{ priority: number; order: number; handle: Handler }> = [];
  private counter = 0;

  /** Adds a handler; returns its remover. */
  add(priority: number, handle: Handler): () => void {
    const entry = { priority, order: this.counter++, handle };
    this.handlers.push(entry);
    this.handlers.sort((a, b) => b.priority - a.priority || a.order - b.order);
    return () => { const i = this.handlers.indexOf(entry); if (i >= 0) this.handlers.splice(i, 1); };
  }

  /** Offers a click to the handlers in order; true when one consumed it. */
  dispatch(hit: ClickHit): boolean {
    for (const h of [...this.handlers]) if (h.handle(hit)) return true;
    return false;
  }
}
