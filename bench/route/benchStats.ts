import type { RoadGraph } from '../../src/route/RoadGraph';

/** Small helpers the route benches share. */
/** Milliseconds since t0. */
export const ms = (t0: number) => performance.now() - t0;
export const r3 = (v: number) => Math.round(v * 1000) / 1000;
export const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Park-Miller generator: the same pairs every run. */
export function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** Nodes of the largest weakly connected component (pairs are drawn from it). */
export function largestComponent(g: RoadGraph): Int32Array {
  const comp = new Int32Array(g.nodeCount).fill(-1);
  let best = -1, bestSize = 0;
  for (let s = 0, c = 0; s < g.nodeCount; s++) {
    if (comp[s] >= 0) continue;
    const stack = [s];
    comp[s] = c;
    let size = 0;
    while (stack.length) {
      const v = stack.pop()!;
      size++;
      for (let a = g.arcOffsets[v]; a < g.arcOffsets[v + 1]; a++) if (comp[g.arcTo[a]] < 0) { comp[g.arcTo[a]] = c; stack.push(g.arcTo[a]); }
      for (let k = g.inOffsets[v]; k < g.inOffsets[v + 1]; k++) { const u = g.arcFrom[g.inArcs[k]]; if (comp[u] < 0) { comp[u] = c; stack.push(u); } }
    }
    if (size > bestSize) { bestSize = size; best = c; }
    c++;
  }
  return Int32Array.from([...comp.keys()].filter((v) => comp[v] === best));
}
