import type { LocalFrame } from '../../geo/LocalFrame';
import type { EvacueeGroup } from './EvacuationSites';
import { ringCentroid } from './ringGeometry';
import type { SiteBuilding } from './sheltersFromBuildings';

/** One evacuee group per listed building (its population, at its centroid); empty buildings are skipped. */
export function evacueeGroupsFromBuildings(buildings: ReadonlyArray<SiteBuilding>, indices: ArrayLike<number>, frame: LocalFrame): EvacueeGroup[] {
  const out: EvacueeGroup[] = [];
  for (let k = 0; k < indices.length; k++) {
    const b = buildings[indices[k]];
    if (!b) throw new Error(`evacueeGroupsFromBuildings: indices[${k}] = ${indices[k]} names no building`);
    if (b.population <= 0) continue;
    const [lonDeg, latDeg] = frame.toLonLat(...ringCentroid(b.footprint));
    out.push({ id: b.id, lonDeg, latDeg, people: b.population });
  }
  return out;
}
