import { decodeNetwork } from '../../src/route/roadGraphCodec';
import { Router, type LonLat } from '../../src/route/Router';

/** What one damaged network.bin did. */
export type NetworkCaseOutcome =
  /** Refused with an error that names the file (`source: ...`). */
  | { kind: 'refused'; message: string }
  /**
   * Loaded and routed: `consistent` when the hierarchy's and A*'s answers equal plain Dijkstra's on
   * the loaded graph; `sameAsOriginal` when they equal the undamaged file's.
   */
  | { kind: 'routed'; consistent: boolean; sameAsOriginal: boolean }
  /** Threw something that does not name the file (a TypeError, a RangeError...). */
  | { kind: 'crashed'; message: string };

const same = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Loads a network.bin as the route worker does: decode, then a Router on the stored hierarchy (or a fresh one). */
export function loadRouter(bytes: Uint8Array, source: string): Router {
  const { graph, hierarchy } = decodeNetwork(bytes, source);
  return hierarchy ? new Router(graph, hierarchy) : Router.withHierarchy(graph);
}

/** `count` seeded pairs of node positions ([lonDeg, latDeg] interleaved in `ll`). */
export function randomPairs(ll: Float64Array, count: number, seed: number): Array<[LonLat, LonLat]> {
  let s = seed;
  const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const pick = (): LonLat => { const v = Math.floor(next() * (ll.length / 2)); return [ll[2 * v], ll[2 * v + 1]]; };
  return Array.from({ length: count }, () => [pick(), pick()]);
}

/** Hierarchy travel times (s) between point pairs; Infinity when unreachable. */
export function chTimes(router: Router, pairs: Array<[LonLat, LonLat]>): number[] {
  return pairs.map(([a, b]) => router.route(a, b, 'ch')?.seconds ?? Infinity);
}

/**
 * Loads `bytes` and routes `pairs` with the hierarchy, with 'auto' and with plain Dijkstra. The
 * caller runs this under a watchdog: a damaged file must give an error or an answer, never a hang.
 */
export function runNetworkCase(bytes: Uint8Array, source: string, pairs: Array<[LonLat, LonLat]>, original: number[]): NetworkCaseOutcome {
  try {
    const router = loadRouter(bytes, source);
    const ch = chTimes(router, pairs);
    let consistent = true;
    pairs.forEach(([a, b], i) => {
      const ref = router.route(a, b, 'dijkstra')?.seconds ?? Infinity;
      const auto = router.route(a, b, 'auto')?.seconds ?? Infinity;
      if (!same(ch[i], ref) || !same(auto, ref)) consistent = false;
    });
    return { kind: 'routed', consistent, sameAsOriginal: ch.every((t, i) => same(t, original[i])) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return message.startsWith(`${source}: `) ? { kind: 'refused', message } : { kind: 'crashed', message: `${(err as Error)?.name}: ${message}` };
  }
}
