import type { Placement, RegistryCity } from './RegistryCity';

/** Points every `stepM` along a polyline, the first at `firstM` from its start (plane meters). */
export function samplePolyline(coords: ReadonlyArray<readonly [number, number]>, stepM: number, firstM: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let next = firstM, walked = 0;
  for (let i = 1; i < coords.length; i++) {
    const [ax, ay] = coords[i - 1], [bx, by] = coords[i];
    const len = Math.hypot(bx - ax, by - ay);
    while (len > 0 && next <= walked + len) {
      const t = (next - walked) / len;
      out.push([ax + t * (bx - ax), ay + t * (by - ay)]);
      next += stepM;
    }
    walked += len;
  }
  return out;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * River gauges every `stepM` along the river's banks (both banks alternate, as gauges sit on
 * embankments). Base stage rises downstream (west -> east), 2.0 m to 2.8 m. None without a river.
 */
export function placeWaterGauges(city: RegistryCity, inCity: (x: number, y: number) => boolean, stepM = 500): Placement[] {
  if (city.river.length < 2) return [];
  const [name, pinyin] = city.riverName ?? ['锦江', 'Jinjiang'];
  let xMin = Infinity, xMax = -Infinity;
  for (const [x] of city.river) { xMin = Math.min(xMin, x); xMax = Math.max(xMax, x); }
  return samplePolyline(city.river, stepM, stepM / 2)
    .filter(([x, y]) => inCity(x, y))
    .map(([x, y]) => ({
      xM: round2(x), yM: round2(y), place: `${name}水位站`, placePinyin: `${pinyin} gauge`,
      nominal: round2(2 + (0.8 * (x - xMin)) / Math.max(1, xMax - xMin)),
    }));
}

/** Road classes without traffic detectors: the demo's local streets and OSM's minor ways. */
const MINOR_ROADS = new Set(['local', 'residential', 'service', 'unclassified', 'living_street', 'track', 'pedestrian', 'footway', 'path', 'cycleway', 'steps', 'road']);

/** Traffic detectors every `stepM` on every non-local road (rings, radials, arterial grid); nominal = speed limit (km/h). */
export function placeTrafficDetectors(city: RegistryCity, inCity: (x: number, y: number) => boolean, stepM = 500): Placement[] {
  const out: Placement[] = [];
  for (const road of city.roads) {
    if (MINOR_ROADS.has(road.roadClass)) continue;
    for (const [x, y] of samplePolyline(road.coords, stepM, stepM / 2)) {
      if (!inCity(x, y)) continue;
      out.push({ xM: round2(x), yM: round2(y), roadId: road.id, place: road.name, placePinyin: road.namePinyin, nominal: road.speedKmh });
    }
  }
  return out;
}
