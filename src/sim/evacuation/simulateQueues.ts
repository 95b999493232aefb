import { MinHeap } from '../../route/MinHeap';
import { throwIfCancelled } from '../core/SimCancelledError';
import type { AbortLike } from '../core/SimProgress';
import type { EvacuationNetwork } from './EvacuationNetwork';
import type { EvacuationPackets } from './EvacuationPackets';

/** What the queue simulation gives back. */
export interface QueueOutcome {
  /** Time each packet reached its shelter (s). */
  arrivalS: Float64Array;
  /** Same packets moving freely, with no queue anywhere (s): the congestion-free reference. */
  freeFlowArrivalS: Float64Array;
  /** Longest wait at each arc's exit (s). */
  arcMaxDelayS: Float32Array;
  /** People that passed each arc. */
  arcPeople: Float64Array;
}

/**
 * Moves packets along their arcs with a point queue at each arc's exit (Vickrey's bottleneck): a
 * packet reaching the exit at t leaves at max(t, when the exit is free) and then holds the exit for
 * people / capacity seconds. Events are handled in time order (an indexed heap keyed by the time a
 * packet reaches its next exit), so every exit serves first come, first served, and a run is
 * deterministic. No spill-back: queues do not block upstream arcs.
 */
export async function simulateQueues(
  net: EvacuationNetwork, pk: EvacuationPackets, options: { signal?: AbortLike; onClock?: (timeS: number) => void } = {},
): Promise<QueueOutcome> {
  const n = pk.count, A = net.graph.arcCount;
  const arrivalS = new Float64Array(n), freeFlowArrivalS = new Float64Array(n);
  const arcMaxDelayS = new Float32Array(A), arcPeople = new Float64Array(A), exitFreeAt = new Float64Array(A);
  const at = new Uint32Array(n), heap = new MinHeap(Math.max(1, n));
  for (let p = 0; p < n; p++) {
    const start = pk.departS[p] + pk.offRoadS[p];
    let free = start;
    for (let q = pk.arcOffsets[p]; q < pk.arcOffsets[p + 1]; q++) free += net.timeS[pk.arcs[q]];
    freeFlowArrivalS[p] = free;
    at[p] = pk.arcOffsets[p];
    if (at[p] === pk.arcOffsets[p + 1]) arrivalS[p] = start;
    else heap.push(p, start + net.timeS[pk.arcs[at[p]]]);
  }
  throwIfCancelled(options.signal, 0);
  let events = 0, lastYield = performance.now();
  while (heap.size > 0) {
    const t = heap.minKey(), p = heap.pop(), a = pk.arcs[at[p]];
    const leave = Math.max(t, exitFreeAt[a]);
    if (leave - t > arcMaxDelayS[a]) arcMaxDelayS[a] = leave - t;
    exitFreeAt[a] = leave + pk.people[p] / net.capacityPerS[a];
    arcPeople[a] += pk.people[p];
    if (++at[p] === pk.arcOffsets[p + 1]) arrivalS[p] = leave;
    else heap.push(p, leave + net.timeS[pk.arcs[at[p]]]);
    if ((++events & 4095) === 0 && performance.now() - lastYield > 50) {
      throwIfCancelled(options.signal, t);
      options.onClock?.(t);
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = performance.now();
    }
  }
  return { arrivalS, freeFlowArrivalS, arcMaxDelayS, arcPeople };
}
