import type { RoadGraph } from './RoadGraph';
import type { Seeds } from './Seeds';
import type { Snap } from './SnapIndex';

/** Cost (s) of a fraction of an arc; 0 of a closed arc is 0, not NaN. */
const part = (fraction: number, weightS: number) => (fraction > 0 ? fraction * weightS : 0);

/**
 * Where a search from a snapped point starts: the segment's ends, with the time to drive there; or,
 * for a point at a node, that node alone at no cost (not the far end of whichever segment won the
 * tie, which on a one-way segment would force a drive along all of it first).
 */
export function sourceSeeds(g: RoadGraph, s: Snap, weightsS: Float64Array): Seeds {
  if (s.node >= 0) return { nodes: [s.node], costsS: [0] };
  const nodes: number[] = [], costsS: number[] = [];
  const ahead = part(1 - s.t, weightsS[s.arc]);
  if (ahead < Infinity) { nodes.push(g.arcTo[s.arc]); costsS.push(ahead); }
  if (s.reverse >= 0) {
    const back = part(s.t, weightsS[s.reverse]);
    if (back < Infinity) { nodes.push(g.arcFrom[s.arc]); costsS.push(back); }
  }
  return { nodes, costsS };
}

/** Where a search to a snapped point ends: the segment's ends, with the time from there to the point (a node: itself). */
export function targetSeeds(g: RoadGraph, s: Snap, weightsS: Float64Array): Seeds {
  if (s.node >= 0) return { nodes: [s.node], costsS: [0] };
  const nodes: number[] = [], costsS: number[] = [];
  const fromTail = part(s.t, weightsS[s.arc]);
  if (fromTail < Infinity) { nodes.push(g.arcFrom[s.arc]); costsS.push(fromTail); }
  if (s.reverse >= 0) {
    const fromHead = part(1 - s.t, weightsS[s.reverse]);
    if (fromHead < Infinity) { nodes.push(g.arcTo[s.arc]); costsS.push(fromHead); }
  }
  return { nodes, costsS };
}

/**
 * Cost (s) of driving straight along one segment from snap `a` to snap `b` without passing a node
 * (both on the same segment, neither at a node), Infinity otherwise: a trip from or to a node is
 * a search from or to that node.
 */
export function sameSegmentCostS(a: Snap, b: Snap, weightsS: Float64Array): number {
  if (a.arc !== b.arc || a.node >= 0 || b.node >= 0) return Infinity;
  if (b.t >= a.t) return part(b.t - a.t, weightsS[a.arc]);
  return a.reverse >= 0 ? part(a.t - b.t, weightsS[a.reverse]) : Infinity;
}
