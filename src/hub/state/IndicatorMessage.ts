import type { IndicatorTable } from '../../signs/indicators/IndicatorTable';
import { SENSOR_KIND_LIST, type SensorKind } from '../../signs/schema/sensorKinds';
import type { UnitIndex } from '../../signs/units/UnitIndex';
import type { IndicatorTier } from '../topics';

/**
 * One tier of indicators for one district (or the city), as published on
 * `hub/<city>/indicators/...`: per kind, per unit, the value (null where no fresh sensor) and the
 * fresh and stale sensor counts behind it (the counts make district means composable).
 */
export interface IndicatorMessage {
  v: 1;
  cityId: string;
  hubId: string;
  tier: IndicatorTier;
  /** null for the city tier. */
  districtId: string | null;
  timeMs: number;
  kinds: SensorKind[];
  units: string[];
  /** values[k][u] in kind k's unit; fresh[k][u], stale[k][u] sensor counts. */
  values: Array<Array<number | null>>;
  fresh: number[][];
  stale: number[][];
}

const KINDS = SENSOR_KIND_LIST.map((s) => s.kind);

/** Rounds to 6 significant digits: what a screen shows, a third of the JSON. */
function round(v: number): number | null {
  return v === v ? Number(v.toPrecision(6)) : null;
}

/**
 * The message for `unitIndices` (one tier of one district) from an IndicatorTable, in the order
 * given.
 */
export function indicatorMessage(
  table: IndicatorTable, units: UnitIndex, unitIndices: ArrayLike<number>,
  head: { cityId: string; hubId: string; tier: IndicatorTier; districtId: string | null; timeMs: number },
): IndicatorMessage {
  const U = table.unitCount, n = unitIndices.length;
  const ids: string[] = new Array(n);
  for (let j = 0; j < n; j++) ids[j] = units.ids[unitIndices[j]];
  const values = KINDS.map((_, k) => Array.from({ length: n }, (_, j) => round(table.values[k * U + unitIndices[j]])));
  const fresh = KINDS.map((_, k) => Array.from({ length: n }, (_, j) => table.freshCounts[k * U + unitIndices[j]]));
  const stale = KINDS.map((_, k) => Array.from({ length: n }, (_, j) => table.staleCounts[k * U + unitIndices[j]]));
  return { v: 1, ...head, kinds: [...KINDS], units: ids, values, fresh, stale };
}

/** Validates a received message enough to use it (shape and lengths); null when it is not one. */
export function parseIndicatorMessage(payload: Uint8Array | string): IndicatorMessage | null {
  try {
    const m = JSON.parse(typeof payload === 'string' ? payload : new TextDecoder().decode(payload)) as IndicatorMessage;
    const n = m?.units?.length;
    if (m?.v !== 1 || !Array.isArray(m.kinds) || typeof n !== 'number') return null;
    for (const a of [m.values, m.fresh, m.stale]) if (!Array.isArray(a) || a.length !== m.kinds.length || a.some((r) => !Array.isArray(r) || r.length !== n)) return null;
    return m;
  } catch {
    return null;
  }
}
