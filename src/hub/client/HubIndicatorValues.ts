import type { SensorKind } from '../../signs/schema/sensorKinds';
import type { IndicatorMessage } from '../state/IndicatorMessage';
import type { HubState } from './HubState';

/** Values of one kind per spatial unit (unit index -> value, NaN where none), with a version that changes with them. */
export interface UnitValues {
  readonly version: number;
  valuesOfKind(kind: SensorKind): ArrayLike<number>;
}

/**
 * Writes the values of `kind` from indicator messages (every tier and district: the unit ids are
 * distinct across tiers) into `out` by unit index; NaN where no message has the unit or no fresh
 * sensor reports. Units the index does not know are skipped.
 */
export function fillUnitValues(out: Float64Array, messages: Iterable<IndicatorMessage>, kind: SensorKind, indexOf: (unitId: string) => number): Float64Array {
  out.fill(NaN);
  for (const m of messages) {
    const k = m.kinds.indexOf(kind);
    if (k < 0) continue;
    const row = m.values[k];
    for (let u = 0; u < m.units.length; u++) {
      const i = indexOf(m.units[u]);
      if (i >= 0) out[i] = row[u] ?? NaN;
    }
  }
  return out;
}

/**
 * The hub's indicators as per-unit values for a page's own unit index (what "Colour by" a live
 * indicator reads when the page takes the hub's state instead of the raw readings). The version
 * moves with every indicator message; a kind's array is rebuilt once per version it is asked for.
 */
export class HubIndicatorValues implements UnitValues {
  version = 0;
  private readonly cache = new Map<SensorKind, { version: number; values: Float64Array }>();
  private readonly off: () => void;

  constructor(private readonly state: HubState, private readonly units: { readonly size: number; indexOf(id: string): number }) {
    this.off = state.events.subscribe('indicators', () => { this.version++; });
  }

  valuesOfKind(kind: SensorKind): Float64Array {
    let c = this.cache.get(kind);
    if (!c) this.cache.set(kind, (c = { version: -1, values: new Float64Array(this.units.size) }));
    if (c.version !== this.version) {
      fillUnitValues(c.values, this.state.indicators.values(), kind, (id) => this.units.indexOf(id));
      c.version = this.version;
    }
    return c.values;
  }

  dispose(): void {
    this.off();
  }
}
