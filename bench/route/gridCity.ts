import { LocalFrame } from '../../src/geo/LocalFrame';
import { buildRoadGraph } from '../../src/route/buildRoadGraph';
import { segmentLengthM } from '../../src/route/geodesy';
import type { RoadGraph } from '../../src/route/RoadGraph';

/**
 * A synthetic megacity street network of about `nodes` junctions (a square grid, 100 m blocks with
 * 20 m of seeded jitter): every 10th street an arterial at 60 km/h, every 40th an expressway at
 * 80 km/h, local streets at 30 km/h of which one in six is one-way (alternating direction) and one
 * in twenty missing. For route build and query figures at 10^5-10^6 nodes, where no real network
 * of that size is at hand.
 */
export function gridCityGraph(nodes: number, seed = 1): RoadGraph {
  const side = Math.max(2, Math.round(Math.sqrt(nodes)));
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const frame = new LocalFrame(104.06, 30.66);
  const ll = new Float64Array(2 * side * side);
  for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) {
    const [lon, lat] = frame.toLonLat((c - side / 2) * 100 + (rnd() - 0.5) * 40, (r - side / 2) * 100 + (rnd() - 0.5) * 40);
    ll[2 * (r * side + c)] = lon; ll[2 * (r * side + c) + 1] = lat;
  }
  const from: number[] = [], to: number[] = [], lengthM: number[] = [], speedMps: number[] = [], roadClass: number[] = [], oneway: number[] = [];
  const street = (a: number, b: number, line: number) => {
    const kmh = line % 40 === 0 ? 80 : line % 10 === 0 ? 60 : 30;
    if (kmh === 30 && rnd() < 0.05) return;
    const one = kmh === 30 && line % 6 === 3 ? (line % 12 === 3 ? 1 : -1) : 0;
    const len = segmentLengthM(ll[2 * a], ll[2 * a + 1], ll[2 * b], ll[2 * b + 1]);
    const cls = kmh === 80 ? 0 : kmh === 60 ? 1 : 3;
    if (one >= 0) { from.push(a); to.push(b); lengthM.push(len); speedMps.push(kmh / 3.6); roadClass.push(cls); oneway.push(one ? 1 : 0); }
    if (one <= 0) { from.push(b); to.push(a); lengthM.push(len); speedMps.push(kmh / 3.6); roadClass.push(cls); oneway.push(one ? 1 : 0); }
  };
  for (let r = 0; r < side; r++) for (let c = 0; c + 1 < side; c++) street(r * side + c, r * side + c + 1, r);
  for (let c = 0; c < side; c++) for (let r = 0; r + 1 < side; r++) street(r * side + c, (r + 1) * side + c, c);
  return buildRoadGraph({
    nodeLonLatDeg: ll, from, to, lengthM, speedMps, roadClass, oneway, line: new Array<number>(from.length).fill(0),
    lines: [{ id: `grid-${side}x${side}`, name: 'synthetic grid city' }],
  });
}
