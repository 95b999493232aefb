import type { BuildingRecord } from '../../../twin/BuildingRecord';
import { BUILDING_SCALES } from '../../../view/overlay/ColorScale';
import { BUILDING_COLOR_PRIORITY } from '../../../view/overlay/buildingColorPriority';
import { rgbaByScale } from '../../../view/overlay/rgbaByScale';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import { ColourSelect } from './ColourSelect';

const LAYER = 'colour-by';
/** The building attribute each static scale reads. */
const VALUE: Record<string, (b: BuildingRecord) => unknown> = {
  use: (b) => b.use, height: (b) => b.heightM, floors: (b) => b.floors, population: (b) => b.population,
};
const LABEL: Record<string, string> = { use: 'use', height: 'height (m)', floors: 'floors', population: 'people present' };

/**
 * "Colour by" in the top bar: every colouring the features offer (host.colours), starting with
 * the buildings' own attributes, each drawn as a `buildingColors` layer with its legend. The
 * choice is kept in the URL (`colour=use`, `colour=live:water_level`).
 */
export class ColourByFeature implements Feature {
  readonly name = 'colourBy';
  private select: ColourSelect | null = null;

  init(host: FeatureHost): void {
    host.url.claim(this.name, 'colour');
    for (const id of Object.keys(BUILDING_SCALES)) {
      host.colours.add({ id, label: LABEL[id], group: '', unavailable: null, apply: () => this.apply(host, id) });
    }
    this.select = new ColourSelect(host.colours, (id) => host.url.set(this.name, { colour: id || null }));
    host.addControl(this.select.element);
    const wanted = host.url.get('colour');
    if (wanted) this.select.choose(wanted);
  }

  /** Colours every building by one attribute once the city model is in; returns the stop. */
  private apply(host: FeatureHost, id: string): () => void {
    const scale = BUILDING_SCALES[id];
    let stopped = false;
    host.legend.show(LAYER, scale);
    host.background(this.name, host.city.model().then((model) => {
      if (stopped) return;
      const read = VALUE[id];
      const rgba = rgbaByScale(model.buildings.length, (i) => read(model.buildings[i]), scale);
      host.overlay.set(LAYER, { kind: 'buildingColors', rgba, priority: BUILDING_COLOR_PRIORITY.colourBy });
    }));
    return () => {
      stopped = true;
      host.overlay.remove(LAYER);
      host.legend.show(LAYER, null);
    };
  }

  dispose(): void {
    this.select?.dispose();
    this.select = null;
  }
}
