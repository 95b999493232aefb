import { growDijkstraTree, tracePath } from '../../route/dijkstra';
import { MinHeap } from '../../route/MinHeap';
import { SearchLabels } from '../../route/SearchLabels';
import { SnapIndex } from '../../route/SnapIndex';
import { sourceSeeds, targetSeeds } from '../../route/snapSeeds';
import type { Seeds } from '../../route/Seeds';
import type { EvacuationNetwork } from './EvacuationNetwork';

/** A group's route to a shelter: arcs in travel order, and the time spent off them (s). */
export interface ShelterPath {
  arcs: number[];
  /** Walking to and from the road and the partial segments at both ends (s). */
  offRoadS: number;
}

/**
 * Travel times and routes from evacuee groups to shelters: every point is snapped to the nearest
 * open road (SnapIndex), and each shelter grows one backward shortest-path tree (many-to-one,
 * src/route's growDijkstraTree), which gives every group's time to it at once. Trees are regrown
 * for routes rather than kept, so memory stays O(nodes + groups x shelters).
 */
export class ShelterRouting {
  readonly groupCount: number;
  readonly shelterCount: number;
  private readonly groupSeeds: Array<Seeds | null>;
  private readonly shelterSeeds: Array<Seeds | null>;
  /** Walking time between the point and its road (s), per group / shelter. */
  private readonly groupAccessS: Float64Array;
  private readonly shelterAccessS: Float64Array;
  private readonly labels: SearchLabels;
  private readonly heap: MinHeap;

  /** Points are [lonDeg, latDeg] interleaved; farther than maxSnapM from an open road counts as unreachable. */
  constructor(private readonly net: EvacuationNetwork, groupLonLat: Float64Array, shelterLonLat: Float64Array, walkSpeedMps: number, maxSnapM: number) {
    const g = net.graph, index = new SnapIndex(g), open = (a: number) => net.timeS[a] < Infinity;
    const snapAll = (ll: Float64Array, access: Float64Array, seeds: typeof sourceSeeds) => Array.from({ length: ll.length / 2 }, (_, k) => {
      const s = index.nearest(ll[2 * k], ll[2 * k + 1], maxSnapM, open);
      if (!s) return null;
      access[k] = s.distanceM / walkSpeedMps;
      return seeds(g, s, net.timeS);
    });
    this.groupCount = groupLonLat.length / 2;
    this.shelterCount = shelterLonLat.length / 2;
    this.groupAccessS = new Float64Array(this.groupCount);
    this.shelterAccessS = new Float64Array(this.shelterCount);
    this.groupSeeds = snapAll(groupLonLat, this.groupAccessS, sourceSeeds);
    this.shelterSeeds = snapAll(shelterLonLat, this.shelterAccessS, targetSeeds);
    this.labels = new SearchLabels(g.nodeCount);
    this.heap = new MinHeap(g.nodeCount);
  }

  /** True when the group's point reached a road. */
  groupOnNetwork(group: number): boolean { return this.groupSeeds[group] !== null; }

  /** Grows shelter s's backward tree into the labels; false when the shelter is off the network. */
  private grow(s: number): boolean {
    const seeds = this.shelterSeeds[s];
    if (!seeds || seeds.nodes.length === 0) return false;
    growDijkstraTree(this.net.graph, this.net.timeS, seeds, { backward: true }, this.labels, this.heap);
    return true;
  }

  /** Best start node of a group for the grown tree and the total time (s) through it; node -1 when unreachable. */
  private bestStart(group: number, s: number): { node: number; timeS: number } {
    const seeds = this.groupSeeds[group];
    let node = -1, best = Infinity;
    if (seeds) for (let k = 0; k < seeds.nodes.length; k++) {
      const v = seeds.nodes[k], t = seeds.costsS[k] + (this.labels.settled(v) ? this.labels.dist[v] : Infinity);
      if (t < best) { best = t; node = v; }
    }
    return { node, timeS: best + this.groupAccessS[group] + this.shelterAccessS[s] };
  }

  /** Time (s) from every group to every shelter, row-major [group * shelterCount + shelter]; Infinity when unreachable. */
  timeTable(onShelter?: (s: number) => void): Float64Array {
    const G = this.groupCount, S = this.shelterCount, table = new Float64Array(G * S).fill(Infinity);
    for (let s = 0; s < S; s++) {
      if (this.grow(s)) for (let g = 0; g < G; g++) table[g * S + s] = this.bestStart(g, s).timeS;
      onShelter?.(s);
    }
    return table;
  }

  /** Routes of `groups` to shelter s (one tree), with the time off the arcs. */
  paths(s: number, groups: ReadonlyArray<number>): ShelterPath[] {
    if (!this.grow(s)) throw new Error(`ShelterRouting: shelter ${s} is off the network`);
    return groups.map((g) => {
      const { node, timeS } = this.bestStart(g, s);
      if (node < 0) throw new Error(`ShelterRouting: group ${g} cannot reach shelter ${s}`);
      const { arcs } = tracePath(this.labels, node, true);
      let onArcs = 0;
      for (const a of arcs) onArcs += this.net.timeS[a];
      return { arcs, offRoadS: Math.max(0, timeS - onArcs) };
    });
  }
}
