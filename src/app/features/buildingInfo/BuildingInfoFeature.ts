import { BuildingPanel } from '../../../ui/BuildingPanel';
import { BUILDING_COLOR_PRIORITY } from '../../../view/overlay/buildingColorPriority';
import { CLICK_PRIORITY } from '../../host/ClickRouter';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';

const LAYER = 'pick';
/** The picked building's highlight: a warm yellow, over any colouring below it. */
const PICK_COLOUR = '#ffe066';

/**
 * Click a building to see its metadata (with units) in the detail drawer, the building
 * highlighted through the overlay model; a click on empty ground or Escape closes it.
 */
export class BuildingInfoFeature implements Feature {
  readonly name = 'buildingInfo';
  private off: (() => void) | null = null;

  init(host: FeatureHost): void {
    const details = host.details;
    if (!details) return;
    const panel = new BuildingPanel();
    const clear = () => host.overlay.remove(LAYER);
    this.off = host.clicks.add(CLICK_PRIORITY.building, (hit) => {
      if (!hit.building) {
        details.close(this.name);
        return false;
      }
      const id = String(hit.building.id ?? '');
      panel.show(hit.building);
      details.show(this.name, `Building ${id}`, panel.element, clear);
      if (id) host.overlay.set(LAYER, { kind: 'featureColors', colors: new Map([[id, PICK_COLOUR]]), priority: BUILDING_COLOR_PRIORITY.pick });
      return true;
    });
  }

  dispose(): void {
    this.off?.();
    this.off = null;
  }
}
