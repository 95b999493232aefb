import type { LocalFrame } from '../../geo/LocalFrame';
import { UNIT_LEVELS, UnitIndex, type UnitRecord } from '../../signs/units/UnitIndex';
import type { UnitInput } from '../../twin/SpatialHierarchy';
import { UnitLocator } from '../../twin/UnitLocator';
import type { UnitChain } from './Incident';

/**
 * Places a scene in the city's unit hierarchy: the finest unit whose rings contain the point
 * (UnitLocator, plane meters through the city's frame) and its ancestors per tier. A point
 * outside every unit is null (the hub refuses incidents outside its city).
 */
export class IncidentPlaces {
  private readonly locator: UnitLocator;
  readonly index: UnitIndex;

  constructor(units: ReadonlyArray<UnitInput>, private readonly frame: LocalFrame) {
    this.locator = new UnitLocator(units);
    this.index = new UnitIndex(units as readonly UnitRecord[]);
  }

  /** The unit chain of [lonDeg, latDeg], or null outside the city's units. */
  locate(lonLat: readonly [number, number]): UnitChain | null {
    const [x, y] = this.frame.toPlane(lonLat[0], lonLat[1]);
    const id = this.locator.locate(x, y);
    return id === null ? null : this.chainOf(id);
  }

  /** The chain of a known unit id ('' for tiers above it the city lacks), or null for an unknown id. */
  chainOf(unitId: string): UnitChain | null {
    const i = this.index.indexOf(unitId);
    if (i < 0) return null;
    const chain: UnitChain = { unitId, gridId: '', communityId: '', streetId: '', districtId: '' };
    for (let u = i; u >= 0; u = this.index.parents[u]) {
      const level = UNIT_LEVELS[this.index.levels[u]];
      if (level !== 'city') chain[`${level}Id`] = this.index.ids[u];
    }
    return chain;
  }
}
