import type { UnitValues } from '../../../hub/client/HubIndicatorValues';
import { SENSOR_KINDS, SENSOR_KIND_SPECS, type SensorKind } from '../../../signs/schema/sensorKinds';
import type { SignsStore } from '../../../signs/SignsStore';
import { indicatorScale } from '../../../ui/signs/indicatorScales';
import { BUILDING_COLOR_PRIORITY } from '../../../view/overlay/buildingColorPriority';
import type { FeatureHost } from '../../host/FeatureHost';
import { fillLiveColours, LIVE_FALLBACK_LEVELS } from './liveBuildingColours';

const LAYER = 'live', LEGEND = 'live';
/** Buildings are recoloured at most this often (ms): a screen needs no more, and it keeps the page free. */
const REFRESH_MS = 1000;

/** The page's own indicators (from the raw readings it ingests) as unit values. */
export const storeValues = (store: SignsStore): UnitValues => ({
  get version() { return store.indicators.version; },
  valuesOfKind: (kind) => store.indicators.valuesOfKind(SENSOR_KINDS.indexOf(kind)),
});

/**
 * Buildings coloured by a live indicator of their grid cell, as one `buildingColors` layer
 * refilled in place when the indicators change (at most once a second) and its legend. The values
 * come from the hub's indicators while the page reads the hub (it then gets no raw readings), else
 * from the page's own store.
 */
export class LiveColouring {
  private kind: SensorKind | null = null;
  private rgba: Uint8Array | null = null;
  private gridOf: Int32Array | null = null;
  private drawnVersion = -1;
  private lastMs = 0;
  private values: UnitValues;

  constructor(private readonly host: FeatureHost, private readonly store: SignsStore) {
    this.values = storeValues(store);
  }

  /** Takes values from another source (the hub's indicators, or the store's again) and redraws. */
  use(values: UnitValues): void {
    this.values = values;
    this.refresh(true);
  }

  /** Starts colouring by a kind (null: stops). */
  show(kind: SensorKind | null): void {
    this.kind = kind;
    this.drawnVersion = -1;
    if (!kind) {
      this.host.overlay.remove(LAYER);
      this.host.legend.show(LEGEND, null);
      return;
    }
    const climb = LIVE_FALLBACK_LEVELS[kind] ?? 0;
    const scale = indicatorScale(kind);
    const where = climb === 0 ? 'by grid cell (cells without a sensor uncoloured)' : 'by grid cell (or its community/street)';
    this.host.legend.show(LEGEND, { ...scale, title: `${SENSOR_KIND_SPECS[kind].title} ${where}` });
    this.host.background('liveSigns', this.host.city.model().then((model) => {
      if (!this.gridOf) this.gridOf = Int32Array.from(model.buildings, (b) => this.store.units.indexOf(b.gridId));
      this.refresh(true);
    }));
  }

  /** Recolours when the indicators changed (called on every store tick). */
  refresh(force = false): void {
    const kind = this.kind, gridOf = this.gridOf, now = performance.now();
    if (!kind || !gridOf) return;
    if (!force && (this.values.version === this.drawnVersion || now - this.lastMs < REFRESH_MS)) return;
    this.drawnVersion = this.values.version;
    this.lastMs = now;
    this.rgba ??= new Uint8Array(gridOf.length * 4);
    const values = this.values.valuesOfKind(kind);
    fillLiveColours(this.rgba, gridOf, values, this.store.units.parents, LIVE_FALLBACK_LEVELS[kind] ?? 0, indicatorScale(kind));
    this.host.overlay.set(LAYER, { kind: 'buildingColors', rgba: this.rgba, priority: BUILDING_COLOR_PRIORITY.live });
  }

  dispose(): void {
    this.show(null);
  }
}
