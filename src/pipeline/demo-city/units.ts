import {
  BLOCK_M, CELLS_PER_COMMUNITY, COMMUNITIES_PER_STREET, DISTRICTS, NAME_PARTS,
} from './layout';
import { DEMO_PLAN, type DemoPlan } from './DemoPlan';
import { outlineOfSquares } from './outlineOfSquares';
import type { PlaneUnit } from '../../twin/PlaneUnit';

export type { PlaneUnit, UnitLevel } from '../../twin/PlaneUnit';

/** The unit hierarchy plus a point lookup from plane meters to the ids that contain it. */
export interface UnitHierarchy {
  units: PlaneUnit[];
  /** Ids of the grid cell, community, street and district at a point, or null outside the city. */
  locate(xM: number, yM: number): { gridId: string; communityId: string; streetId: string; districtId: string } | null;
}

const STREET_M = BLOCK_M * CELLS_PER_COMMUNITY * COMMUNITIES_PER_STREET;

function bearingDeg(x: number, y: number): number {
  const d = (Math.atan2(y, x) * 180) / Math.PI;
  return d < 10 ? d + 360 : d;
}

function square(x0: number, y0: number, size: number): Array<[number, number]> {
  return [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]];
}

/**
 * Builds the nested units: 5 districts, streets (1.5 km), communities (500 m), grid cells (250 m);
 * the demo plan has 36 streets, 324 communities and 1296 grid cells.
 */
export function generateUnits(plan: DemoPlan = DEMO_PLAN): UnitHierarchy {
  const half = plan.halfSideM;
  const cells = Math.round((2 * half) / BLOCK_M);
  const communities = cells / CELLS_PER_COMMUNITY;
  const streets = communities / COMMUNITIES_PER_STREET;
  const units: PlaneUnit[] = [{
    id: '510100', level: 'city', name: '成都市（示范城区）', namePinyin: 'Chengdu (demo)', parentId: null,
    rings: [square(-half, -half, 2 * half)],
  }];
  const streetDistrict: number[] = [];
  const districtStreets: Array<Array<[number, number]>> = DISTRICTS.map(() => []);
  for (let sj = 0; sj < streets; sj++) {
    for (let si = 0; si < streets; si++) {
      const cx = -half + (si + 0.5) * STREET_M, cy = -half + (sj + 0.5) * STREET_M;
      const b = bearingDeg(cx, cy);
      const d = DISTRICTS.findIndex((dd) => b >= dd.fromDeg && b < dd.toDeg);
      streetDistrict.push(d);
      districtStreets[d].push([si, sj]);
    }
  }
  DISTRICTS.forEach((d, k) => {
    units.push({
      id: d.code, level: 'district', name: d.name, namePinyin: d.pinyin, parentId: '510100',
      rings: outlineOfSquares(districtStreets[k], STREET_M, -half, -half),
    });
  });
  const streetIds: string[] = [], communityIds: string[] = [], gridIds: string[] = [];
  const perDistrictCount = DISTRICTS.map(() => 0);
  for (let s = 0; s < streets * streets; s++) {
    const d = streetDistrict[s];
    const seq = ++perDistrictCount[d];
    const id = `${DISTRICTS[d].code}${String(seq).padStart(3, '0')}`;
    const part = NAME_PARTS[s % NAME_PARTS.length];
    const si = s % streets, sj = Math.floor(s / streets);
    streetIds[s] = id;
    units.push({
      id, level: 'street', name: `${part[0]}街道`, namePinyin: `${part[1]} Jiedao`, parentId: DISTRICTS[d].code,
      rings: [square(-half + si * STREET_M, -half + sj * STREET_M, STREET_M)],
    });
  }
  const communityM = BLOCK_M * CELLS_PER_COMMUNITY;
  const perStreetCount = new Map<string, number>();
  for (let cj = 0; cj < communities; cj++) {
    for (let ci = 0; ci < communities; ci++) {
      const s = Math.floor(cj / COMMUNITIES_PER_STREET) * streets + Math.floor(ci / COMMUNITIES_PER_STREET);
      const seq = (perStreetCount.get(streetIds[s]) ?? 0) + 1;
      perStreetCount.set(streetIds[s], seq);
      const id = `${streetIds[s]}${String(seq).padStart(3, '0')}`;
      const part = NAME_PARTS[(ci * 7 + cj * 13) % NAME_PARTS.length];
      communityIds[cj * communities + ci] = id;
      units.push({
        id, level: 'community', name: `${part[0]}社区`, namePinyin: `${part[1]} Shequ`, parentId: streetIds[s],
        rings: [square(-half + ci * communityM, -half + cj * communityM, communityM)],
      });
    }
  }
  for (let gj = 0; gj < cells; gj++) {
    for (let gi = 0; gi < cells; gi++) {
      const c = Math.floor(gj / CELLS_PER_COMMUNITY) * communities + Math.floor(gi / CELLS_PER_COMMUNITY);
      const seq = (gj % CELLS_PER_COMMUNITY) * CELLS_PER_COMMUNITY + (gi % CELLS_PER_COMMUNITY) + 1;
      const id = `${communityIds[c]}-${String(seq).padStart(2, '0')}`;
      gridIds[gj * cells + gi] = id;
      units.push({
        id, level: 'grid', name: `第${seq}网格`, namePinyin: `Wangge ${seq}`, parentId: communityIds[c],
        rings: [square(-half + gi * BLOCK_M, -half + gj * BLOCK_M, BLOCK_M)],
      });
    }
  }
  const locate = (xM: number, yM: number) => {
    const gi = Math.floor((xM + half) / BLOCK_M), gj = Math.floor((yM + half) / BLOCK_M);
    if (gi < 0 || gj < 0 || gi >= cells || gj >= cells) return null;
    const ci = Math.floor(gi / CELLS_PER_COMMUNITY), cj = Math.floor(gj / CELLS_PER_COMMUNITY);
    const s = Math.floor(cj / COMMUNITIES_PER_STREET) * streets + Math.floor(ci / COMMUNITIES_PER_STREET);
    return {
      gridId: gridIds[gj * cells + gi],
      communityId: communityIds[cj * communities + ci],
      streetId: streetIds[s],
      districtId: DISTRICTS[streetDistrict[s]].code,
    };
  };
  return { units, locate };
}
