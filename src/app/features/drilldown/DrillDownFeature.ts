import { DrillDownPanel } from '../../../ui/drilldown/DrillDownPanel';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import { unitHighlight } from './unitHighlightLayers';

const LAYERS = ['drilldown:unit', 'drilldown:building', 'drilldown:floor'];

/**
 * The analyst's drill-down city > district > street > community > grid cell > building > floor,
 * with address search (key /): the selected unit drawn through the overlay model and flown to.
 * Announces `body[data-twin-model="ready"]` once the city model is loaded.
 */
export class DrillDownFeature implements Feature {
  readonly name = 'drilldown';
  private panel: DrillDownPanel | null = null;
  private off: (() => void) | null = null;

  init(host: FeatureHost): void {
    const slot = host.slot('drilldown', 'Spatial units & address search');
    const status = slot ? note(slot, 'Loading the city model (buildings, units, addresses)…') : null;
    host.background(this.name, this.start(host, slot, status));
  }

  private async start(host: FeatureHost, slot: HTMLElement | null, status: HTMLElement | null): Promise<void> {
    const [model, dem] = await Promise.all([host.city.model(), host.city.dem()]);
    host.expose('model', model);
    host.announce('twinModel', 'ready');
    status?.remove();
    if (!slot) return;
    let first = true;
    this.panel = new DrillDownPanel(slot, model, {
      onSelect: (unit) => {
        for (const id of LAYERS) host.overlay.remove(id);
        host.selection.set(unit.id === model.hierarchy.root.id ? null : unit.id);
        // The opening selection (the whole city) keeps the overview camera and draws nothing.
        if (first) { first = false; return; }
        const h = unitHighlight(model, dem, unit);
        if (!h) return;
        for (const [id, layer] of h.layers) host.overlay.set(id, layer);
        host.view.flyTo(h.look.lonDeg, h.look.latDeg, h.look.heightM, h.look.rangeM, -50, 1.2);
      },
    });
    host.expose('drilldown', this.panel);
    const panel = this.panel;
    this.off = host.shortcuts.add('/', 'Search an address (Chinese or pinyin)', this.name, (e) => {
      e.preventDefault();
      host.reveal('drilldown');
      panel.focusSearch();
    });
    for (const [key, what] of [['↑ ↓', 'move in the list'], ['Enter', 'open the unit'], ['Backspace', 'up one level']]) {
      host.shortcuts.describe(key, what, this.name, 'drill-down list');
    }
  }

  dispose(): void {
    this.off?.();
    this.panel?.dispose();
    this.panel = null;
  }
}

function note(parent: HTMLElement, text: string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'muted';
  p.textContent = text;
  parent.appendChild(p);
  return p;
}
