import type { ContractionHierarchy } from '../../src/route/ContractionHierarchy';
import { decodeNetwork, encodeRoadGraph } from '../../src/route/roadGraphCodec';
import type { RoadGraph } from '../../src/route/RoadGraph';
import { Router } from '../../src/route/Router';
import { ms, quantile, r3 } from './benchStats';

/** Median of `runs` timings (ms) of `f`. */
function medianMs(runs: number, f: () => void): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) { const t0 = performance.now(); f(); t.push(ms(t0)); }
  return quantile(t, 0.5);
}

/**
 * What loading network.bin costs the route worker with the hierarchy stored in the file (decode,
 * checks, Router) against a file without it (decode, checks, Router, plus the contraction
 * measured in this run: what every load did before the hierarchy was stored).
 */
export function storedHierarchyLoad(g: RoadGraph, ch: ContractionHierarchy, contractionS: number) {
  let t0 = performance.now();
  const stored = encodeRoadGraph(g, ch);
  const encodeS = ms(t0) / 1000;
  const plain = encodeRoadGraph(g);
  const decodeStoredMs = medianMs(3, () => decodeNetwork(stored));
  const decodePlainMs = medianMs(3, () => decodeNetwork(plain));
  const decoded = decodeNetwork(stored);
  t0 = performance.now();
  new Router(decoded.graph, decoded.hierarchy);
  const routerMs = ms(t0);
  const loadStoredS = (decodeStoredMs + routerMs) / 1000, loadRebuildS = (decodePlainMs + routerMs) / 1000 + contractionS;
  return {
    fileMB: r3(stored.byteLength / 1e6), fileWithoutHierarchyMB: r3(plain.byteLength / 1e6), encodeS: r3(encodeS),
    loadWithStoredHierarchyS: r3(loadStoredS),
    loadBreakdownS: { decodeChecksumAndChecks: r3(decodeStoredMs / 1000), router: r3(routerMs / 1000) },
    loadRebuildingHierarchyS: r3(loadRebuildS),
    loadSpeedup: r3(loadRebuildS / loadStoredS),
    note: 'rebuilding = decode + checks + Router + the contraction timed in this run (what each load did before network.bin stored the hierarchy)',
  };
}
