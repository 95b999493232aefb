import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LonLat } from '../../src/route/Router';
import type { ByteFlip } from './flipBytes';
import type { NetworkCaseOutcome } from './networkBinCase';

/** An outcome, or what the watchdog saw: no answer within the case timeout, or the process dying. */
export type FuzzOutcome = NetworkCaseOutcome | { kind: 'hang' } | { kind: 'aborted'; message: string };

export interface NetworkFuzzOptions {
  bytes: Uint8Array;
  pairs: Array<[LonLat, LonLat]>;
  /** Hierarchy times of `pairs` on the undamaged file. */
  original: number[];
  flips: ByteFlip[];
  /** Rewrite the checksum after each flip, so the value checks are tried alone. */
  rechecksum: boolean;
  /** A case without an answer after this long is a hang (ms). */
  caseTimeoutMs: number;
  /** Heap limit of the child (MB): a runaway allocation aborts it quickly instead of the machine. */
  maxOldSpaceMb?: number;
  source?: string;
}

const CHILD = fileURLToPath(new URL('./networkBinFuzzChild.ts', import.meta.url));

/**
 * Runs each flip in a child process (tsx) under a watchdog: a hang is killed and counted, an abort
 * (V8 fatal error, out of memory) is counted, and the run resumes in a fresh child at the next flip.
 */
export async function runNetworkFuzz(o: NetworkFuzzOptions): Promise<FuzzOutcome[]> {
  const outcomes: FuzzOutcome[] = [];
  const source = o.source ?? 'network.bin';
  while (outcomes.length < o.flips.length) {
    const first = outcomes.length;
    await new Promise<void>((resolve) => {
      const child: ChildProcess = fork(CHILD, [], {
        execArgv: ['--import', 'tsx', `--max-old-space-size=${o.maxOldSpaceMb ?? 1024}`], stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced',
      });
      let stderr = '', settled = false;
      child.stderr!.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-400); });
      const finish = (extra?: FuzzOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (extra && outcomes.length < o.flips.length) outcomes.push(extra);
        if (child.exitCode === null) child.kill('SIGKILL');
        resolve();
      };
      // The first case also pays for the child's start (tsx, the JIT): give it a few seconds more.
      let timer = setTimeout(() => finish({ kind: 'hang' }), o.caseTimeoutMs + 5000);
      child.on('message', (m: { index?: number; outcome?: NetworkCaseOutcome; done?: boolean }) => {
        if (m.done) return finish();
        outcomes.push(m.outcome!);
        clearTimeout(timer);
        timer = setTimeout(() => finish({ kind: 'hang' }), o.caseTimeoutMs);
      });
      child.on('exit', (code, signal) => {
        if (outcomes.length < o.flips.length && !settled) finish({ kind: 'aborted', message: `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-2).join(' | ')}` });
        else finish();
      });
      child.send({ bytes: o.bytes, pairs: o.pairs, original: o.original, flips: o.flips, first, rechecksum: o.rechecksum, source });
    });
  }
  return outcomes;
}

/** Outcome counts by kind (and routed answers split into consistent / same as the undamaged file). */
export function summarise(outcomes: FuzzOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.kind === 'routed' ? `routed-${o.consistent ? 'consistent' : 'INCONSISTENT'}-${o.sameAsOriginal ? 'same' : 'different'}-answers` : o.kind;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
