import type { MapLayers, Rgb } from '../tiles/MapPainter';
import type { RoadClass } from './roads';
import { distanceToRiverM } from './layout';
import type { DemoCity } from './generateDemoCity';

const ROAD_COLORS: Record<RoadClass, Rgb> = {
  expressway: [214, 178, 96], primary: [226, 214, 170], secondary: [104, 108, 116], local: [84, 88, 95],
};

/** The demo city's ground map: blocks, fields and hill forest, the river with its parks, and every road at its width. */
export function demoMapLayers(city: DemoCity): MapLayers {
  const { dem } = city;
  const half = city.plan.halfSideM, scale = city.plan.scale;
  return {
    ground: (x, y) => {
      const hill = Math.min(1, Math.max(0, (dem.sample(x, y) - 520) / 110));
      if (distanceToRiverM(x, y, scale) < 75) return [92, 132, 84];
      const inCity = Math.abs(x) <= half && Math.abs(y) <= half;
      if (inCity) return [Math.round(150 - 50 * hill), Math.round(148 - 22 * hill), Math.round(140 - 60 * hill)];
      return [Math.round(122 - 45 * hill), Math.round(146 - 36 * hill), Math.round(92 - 30 * hill)];
    },
    polygons: [{ ring: city.river, color: [58, 104, 140] }],
    // Minor roads first so arterials and rings draw over their crossings.
    lines: [...city.roads]
      .sort((a, b) => order(a.roadClass) - order(b.roadClass))
      .map((r) => ({ coords: r.coords, widthM: r.widthM, color: ROAD_COLORS[r.roadClass] })),
  };
}

const order = (c: RoadClass) => ['local', 'secondary', 'primary', 'expressway'].indexOf(c);
