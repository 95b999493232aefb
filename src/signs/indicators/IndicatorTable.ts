import { SENSOR_KIND_LIST } from '../schema/sensorKinds';
import { LEVEL_COUNT } from '../units/UnitIndex';

/** What compute() reads per sensor. */
export interface IndicatorInputs {
  /** Kind index per sensor (SENSOR_KINDS order). */
  kinds: Uint8Array;
  /** Unit index per sensor and level: units[s * LEVEL_COUNT + level], -1 where absent. */
  units: Int32Array;
  /** Newest value of sensor s, NaN when it has none. */
  latest(s: number): number;
  /** 1 where the sensor is stale. */
  staleFlags: Uint8Array;
}

/**
 * Indicators per (kind, spatial unit): the kind's aggregation (mean, max or sum, in the kind's
 * unit) over the fresh sensors of that kind in the unit and all its sub-units, with the number of
 * fresh and stale sensors behind each value. Flat typed arrays indexed kind * unitCount + unit;
 * recomputed in one pass over the sensors (a few thousand), nothing allocated.
 */
export class IndicatorTable {
  readonly unitCount: number;
  /** Aggregated value, NaN where no fresh sensor contributes. */
  readonly values: Float32Array;
  readonly freshCounts: Int32Array;
  readonly staleCounts: Int32Array;
  /** Incremented by every compute(): views redo their colouring only when it moved. */
  version = 0;
  private readonly acc: Float64Array;

  constructor(unitCount: number) {
    this.unitCount = unitCount;
    const n = SENSOR_KIND_LIST.length * unitCount;
    this.values = new Float32Array(n).fill(NaN);
    this.freshCounts = new Int32Array(n);
    this.staleCounts = new Int32Array(n);
    this.acc = new Float64Array(n);
  }

  compute(inp: IndicatorInputs): void {
    const U = this.unitCount, acc = this.acc, fresh = this.freshCounts, stale = this.staleCounts;
    acc.fill(0);
    fresh.fill(0);
    stale.fill(0);
    for (let s = 0; s < inp.kinds.length; s++) {
      const k = inp.kinds[s];
      const v = inp.latest(s);
      if (v !== v) continue;
      const isStale = inp.staleFlags[s] === 1;
      const isMax = SENSOR_KIND_LIST[k].aggregation === 'max';
      for (let l = 0; l < LEVEL_COUNT; l++) {
        const u = inp.units[s * LEVEL_COUNT + l];
        if (u < 0) continue;
        const i = k * U + u;
        if (isStale) { stale[i]++; continue; }
        const c = ++fresh[i];
        if (!isMax) acc[i] += v;
        else if (c === 1 || v > acc[i]) acc[i] = v;
      }
    }
    for (let k = 0; k < SENSOR_KIND_LIST.length; k++) {
      const mean = SENSOR_KIND_LIST[k].aggregation === 'mean';
      for (let i = k * U; i < (k + 1) * U; i++) {
        this.values[i] = fresh[i] === 0 ? NaN : mean ? acc[i] / fresh[i] : acc[i];
      }
    }
    this.version++;
  }

  /** The value of kind k over unit u (in the kind's unit), NaN if no fresh sensor. */
  value(k: number, u: number): number {
    return this.values[k * this.unitCount + u];
  }

  /** A view of kind k's values for all units (index = UnitIndex index); valid until the next compute(). */
  valuesOfKind(k: number): Float32Array {
    return this.values.subarray(k * this.unitCount, (k + 1) * this.unitCount);
  }
}
