import type { Fleet, UnitKind } from './Fleet';
import { stationIndex } from './Fleet';

/** A unit with its travel time to the incident. */
export interface RankedUnit {
  unitId: string;
  kind: UnitKind;
  stationId: string;
  etaS: number;
}

/**
 * Available units ordered by ETA to one incident (ties by unit id), unreachable ones left out.
 * `stationEtaS[k]` is station k's travel time (s) to the incident (a travel-time table column).
 */
export function rankUnits(fleet: Fleet, stationEtaS: ArrayLike<number>, opts: { kind?: UnitKind; limit?: number } = {}): RankedUnit[] {
  const index = stationIndex(fleet);
  if (stationEtaS.length !== fleet.stations.length) throw new Error(`rankUnits: stationEtaS expects ${fleet.stations.length} entries, got ${stationEtaS.length}`);
  const ranked: RankedUnit[] = [];
  for (const u of fleet.units) {
    if (!u.available || (opts.kind && u.kind !== opts.kind)) continue;
    const etaS = stationEtaS[index.get(u.stationId)!];
    if (etaS < Infinity) ranked.push({ unitId: u.id, kind: u.kind, stationId: u.stationId, etaS });
  }
  ranked.sort((a, b) => a.etaS - b.etaS || (a.unitId < b.unitId ? -1 : 1));
  return opts.limit !== undefined ? ranked.slice(0, opts.limit) : ranked;
}
