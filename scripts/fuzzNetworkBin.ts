/**
 * `npm run fuzz:network [-- --flips N] [--seed S]`: byte flips on the demo city's network.bin (with
 * its stored hierarchy), each loaded and routed as the route worker does, in a child process under a
 * watchdog. Two passes: the file as damaged (the checksum must refuse every flip), and with the
 * checksum rewritten (the value checks alone: a clear error or consistent answers). Prints JSON:
 * outcome counts per pass and a few of the refusal messages. Never a hang, never an abort.
 */
import { demoRoadGraph } from '../test/support/demoPackage';
import { contractGraph } from '../src/route/contractGraph';
import { encodeRoadGraph } from '../src/route/roadGraphCodec';
import { randomFlips } from '../test/fuzz/flipBytes';
import { chTimes, loadRouter, randomPairs } from '../test/fuzz/networkBinCase';
import { runNetworkFuzz, summarise } from '../test/fuzz/runNetworkFuzz';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main(): Promise<void> {
  const flipsN = arg('flips', 220), seed = arg('seed', 1);
  const g = await demoRoadGraph();
  const bytes = encodeRoadGraph(g, contractGraph(g));
  const pairs = randomPairs(g.nodeLonLatDeg, 12, seed + 1);
  const original = chTimes(loadRouter(bytes, 'network.bin'), pairs);
  const flips = randomFlips(flipsN, bytes.length, seed);
  const report: Record<string, unknown> = { file: { bytes: bytes.length, nodes: g.nodeCount, arcs: g.arcCount }, flips: flipsN, seed };
  for (const rechecksum of [false, true]) {
    const t0 = performance.now();
    const outcomes = await runNetworkFuzz({ bytes, pairs, original, flips, rechecksum, caseTimeoutMs: 20_000 });
    const messages = [...new Set(outcomes.flatMap((o) => (o.kind === 'refused' ? [o.message.replace(/0x[0-9a-f]+/g, '0x…').replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/g, 'N')] : [])))];
    report[rechecksum ? 'checksumRewritten' : 'asDamaged'] = {
      counts: summarise(outcomes), seconds: Math.round((performance.now() - t0) / 100) / 10,
      refusalKinds: messages.slice(0, 12), crashes: outcomes.filter((o) => o.kind === 'crashed' || o.kind === 'aborted').slice(0, 5),
    };
  }
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

await main();
