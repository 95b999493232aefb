/**
 * Child process of runNetworkFuzz: receives the undamaged network.bin, the point pairs, their
 * undamaged hierarchy times and a list of flips, and reports one outcome per flip as it goes, so
 * the parent can tell which flip hung or aborted the process.
 */
import type { LonLat } from '../../src/route/Router';
import { applyFlip, type ByteFlip } from './flipBytes';
import { runNetworkCase } from './networkBinCase';

interface Job { bytes: Uint8Array; pairs: Array<[LonLat, LonLat]>; original: number[]; flips: ByteFlip[]; first: number; rechecksum: boolean; source: string }

process.on('message', (job: Job) => {
  const bytes = job.bytes;
  for (let i = job.first; i < job.flips.length; i++) {
    const outcome = runNetworkCase(applyFlip(bytes, job.flips[i], job.rechecksum), job.source, job.pairs, job.original);
    process.send!({ index: i, outcome });
  }
  process.send!({ done: true }, () => process.exit(0));
});
