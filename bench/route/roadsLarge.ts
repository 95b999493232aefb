import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import createGraph from 'ngraph.graph';
import { aStar } from 'ngraph.path';
import { LocalFrame } from '../../src/geo/LocalFrame';
import { buildRoadGraph } from '../../src/route/buildRoadGraph';
import { maxChordSpeed } from '../../src/route/chordPotential';
import { unitSpherePoints } from '../../src/route/geodesy';
import type { RoadGraph } from '../../src/route/RoadGraph';

/** ngraph graph plus a heuristic vector per node: Euclidean distance between vectors <= travel time. */
export interface Peer {
  graph: ReturnType<typeof createGraph<number[], number>>;
  oriented: boolean;
}

/** A roads-large graph: x, y per node (int32), 1-based from/to pairs, two-way, weight = Euclidean length / 10 m/s. */
export function readRoadsLarge(dir: string, name: string) {
  const co = new Int32Array(readFileSync(resolve(dir, `${name}-roads.co.bin`)).buffer.slice(0));
  const gr = new Int32Array(readFileSync(resolve(dir, `${name}-roads.gr.bin`)).buffer.slice(0));
  const n = co.length / 2, speed = 10;
  // Positions only feed snapping and A*'s potentials, so any faithful placement will do: a local
  // frame with the dataset's units taken as centimetres.
  const frame = new LocalFrame(0, 0), ll = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) { const p = frame.toLonLat(co[2 * i] / 100, co[2 * i + 1] / 100); ll[2 * i] = p[0]; ll[2 * i + 1] = p[1]; }
  const from: number[] = [], to: number[] = [], len: number[] = [];
  const peer: Peer = { graph: createGraph<number[], number>(), oriented: false };
  for (let i = 0; i < n; i++) peer.graph.addNode(i, [co[2 * i] / speed, co[2 * i + 1] / speed]);
  for (let k = 0; k < gr.length; k += 2) {
    const a = gr[k] - 1, b = gr[k + 1] - 1, L = Math.hypot(co[2 * a] - co[2 * b], co[2 * a + 1] - co[2 * b + 1]);
    from.push(a, b); to.push(b, a); len.push(L, L);
    if (a !== b) peer.graph.addLink(a, b, L / speed);
  }
  const m = from.length, fill = (v: number) => new Array<number>(m).fill(v);
  const g = buildRoadGraph({ nodeLonLatDeg: ll, from, to, lengthM: len, speedMps: fill(speed), roadClass: fill(4), oneway: fill(0), line: fill(0), lines: [{ id: name, name }] });
  return { g, peer };
}

/** The demo network and an oriented ngraph copy (arcs, times), heuristic vectors from chord speed. */
export function demoPeer(g: RoadGraph): Peer {
  const xyz = unitSpherePoints(g.nodeLonLatDeg), speed = maxChordSpeed(g, xyz, g.arcTimeS);
  const peer: Peer = { graph: createGraph<number[], number>(), oriented: true };
  for (let v = 0; v < g.nodeCount; v++) peer.graph.addNode(v, [xyz[3 * v] / speed, xyz[3 * v + 1] / speed, xyz[3 * v + 2] / speed]);
  for (let a = 0; a < g.arcCount; a++) peer.graph.addLink(g.arcFrom[a], g.arcTo[a], g.arcTimeS[a]);
  return peer;
}

export function peerFinder(peer: Peer) {
  const finder = aStar<number[], number>(peer.graph, {
    oriented: peer.oriented,
    distance: (_a, _b, link) => link.data,
    heuristic: (a, b) => { let s = 0; for (let i = 0; i < a.data.length; i++) s += (a.data[i] - b.data[i]) ** 2; return Math.sqrt(s); },
  });
  return (s: number, t: number): number => {
    const path = finder.find(s, t);
    if (path.length === 0) return s === t ? 0 : Infinity;
    let cost = 0;
    for (let i = path.length - 1; i > 0; i--) {
      const a = path[i].id, b = path[i - 1].id;
      const l = peer.graph.getLink(a, b) ?? (peer.oriented ? null : peer.graph.getLink(b, a));
      cost += l!.data;
    }
    return cost;
  };
}
