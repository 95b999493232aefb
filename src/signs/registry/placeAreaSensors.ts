import type { Placement, RegistryCity } from './RegistryCity';

type Unit = RegistryCity['units'][number];

function centreOf(u: Unit): [number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of u.rings[0]) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
  return [(x0 + x1) / 2, (y0 + y1) / 2];
}

/**
 * One sensor near the centre of every unit of `level`, shifted by (dx, dy) m so sensors of
 * different kinds in the same unit do not overlap on the map.
 */
export function placePerUnit(city: RegistryCity, level: string, dxM: number, dyM: number, nominal: (u: Unit) => number): Placement[] {
  return city.units.filter((u) => u.level === level).map((u) => {
    const [cx, cy] = centreOf(u);
    return { xM: cx + dxM, yM: cy + dyM, nominal: nominal(u) };
  });
}

/** People per street, community and grid cell, summed over buildings. */
export function populationByUnit(city: RegistryCity): Map<string, number> {
  const pop = new Map<string, number>();
  for (const b of city.buildings) {
    for (const id of [b.streetId, b.communityId, b.gridId]) if (id) pop.set(id, (pop.get(id) ?? 0) + b.population);
  }
  return pop;
}

/** Peak electric demand per person in a Chinese city street (MW/person, ~1.2 kW). */
const PEAK_MW_PER_PERSON = 0.0012;
/** 12345 hotline calls per person per minute (~2 calls per 1000 people per day). */
const CALLS_PER_PERSON_MIN = 2e-3 / 1440;

const FINE_TO_COARSE = ['grid', 'community', 'street'];

/** `level` when the city has units of it, else the next finer tier it has (a city may lack streets or communities). */
export function tierAtOrBelow(city: RegistryCity, level: 'street' | 'community'): string {
  const present = new Set(city.units.map((u) => u.level));
  for (let k = FINE_TO_COARSE.indexOf(level); k >= 0; k--) if (present.has(FINE_TO_COARSE[k] as 'grid')) return FINE_TO_COARSE[k];
  return level;
}

/**
 * Rain gauge per street, air station per community, substation feeder per street, hotline tally
 * per community (or per unit of the next finer tier the city has).
 */
export function placeAreaSensors(city: RegistryCity): Record<'rainfall' | 'air_quality' | 'power_load' | 'hotline_12345', Placement[]> {
  const pop = populationByUnit(city);
  const street = tierAtOrBelow(city, 'street'), community = tierAtOrBelow(city, 'community');
  return {
    rainfall: placePerUnit(city, street, 120, 90, () => 0),
    air_quality: placePerUnit(city, community, 60, -70, (u) => {
      const [x, y] = centreOf(u);
      return Math.round(48 - 12 * Math.min(1, Math.hypot(x, y) / 4500));
    }),
    power_load: placePerUnit(city, street, -110, 70, (u) => Math.max(2, Math.round((pop.get(u.id) ?? 0) * PEAK_MW_PER_PERSON * 10) / 10)),
    hotline_12345: placePerUnit(city, community, -40, 40, (u) => Math.round((pop.get(u.id) ?? 0) * CALLS_PER_PERSON_MIN * 1e4) / 1e4),
  };
}
