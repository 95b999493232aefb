import { describe, expect, it } from 'vitest';
import { demoRoadGraph } from '../../support/demoPackage';
import { contractGraph } from '../../../src/route/contractGraph';
import { encodeRoadGraph } from '../../../src/route/roadGraphCodec';
import { randomFlips } from '../../fuzz/flipBytes';
import { chTimes, loadRouter, randomPairs } from '../../fuzz/networkBinCase';
import { runNetworkFuzz, summarise } from '../../fuzz/runNetworkFuzz';

/**
 * The short fuzz of network.bin (the long one: `npm run fuzz:network`). Before validation and the
 * checksum, 220 flips of the demo file gave 11 hangs, 7 errors naming no file, 7 files whose
 * hierarchy answered differently from Dijkstra and 10 that silently routed differently.
 */
const g = await demoRoadGraph();

describe('network.bin under random byte flips', () => {
  const bytes = encodeRoadGraph(g, contractGraph(g));
  const pairs = randomPairs(g.nodeLonLatDeg, 8, 5);
  const original = chTimes(loadRouter(bytes, 'network.bin'), pairs);

  it('refuses every damaged file by its checksum, naming the file', async () => {
    const outcomes = await runNetworkFuzz({ bytes, pairs, original, flips: randomFlips(40, bytes.length, 3), rechecksum: false, caseTimeoutMs: 10_000 });
    expect(summarise(outcomes)).toEqual({ refused: 40 });
  }, 120_000);

  it('with the checksum forged, refuses or routes consistently; never hangs, aborts or throws a nameless error', async () => {
    const outcomes = await runNetworkFuzz({ bytes, pairs, original, flips: randomFlips(80, bytes.length, 4), rechecksum: true, caseTimeoutMs: 10_000 });
    const counts = summarise(outcomes);
    for (const bad of ['hang', 'aborted', 'crashed']) expect(counts[bad] ?? 0, `${bad}: ${JSON.stringify(outcomes.filter((o) => o.kind === bad).slice(0, 3))}`).toBe(0);
    expect(Object.keys(counts).filter((k) => k.includes('INCONSISTENT'))).toEqual([]);
    expect(counts.refused).toBeGreaterThan(40);
  }, 120_000);
});
