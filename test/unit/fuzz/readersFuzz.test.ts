import { describe, expect, it } from 'vitest';
import { applyMutation, mutationOf } from '../../fuzz/mutations';
import { runFuzz } from '../../fuzz/runFuzz';
import { FUZZ_TARGETS } from '../../fuzz/targets';

/**
 * The short fuzzing run of `npm test`: random truncations and byte flips of every reader's input,
 * each read in a child process with a timeout. A case passes when it is read correctly or refused
 * with an error naming the file and the place; a hang, a crash or a raw error fails. The long run:
 * `npm run fuzz` (1,000 cases a reader).
 */
describe('readers under fuzzing', () => {
  it('harness: records a hang, a crash and unclear errors, and goes on after each', async () => {
    const report = (await runFuzz({ targets: ['canary'], cases: 10, seed: 6, caseTimeoutMs: 1500, heapMb: 256 })).canary;
    expect(report.cases).toBe(10);
    const lengthOf = (i: number) => applyMutation(new Uint8Array([1, 2, 3, 4]), mutationOf('canary', 6, i, 4)).length;
    const outcome = (i: number) => report.failures.find((f) => f.index === i)?.outcome ?? 'fine';
    for (let i = 0; i < 10; i++) {
      const len = lengthOf(i);
      expect(outcome(i), `case ${i}: ${len} bytes`).toBe(len === 0 ? 'hang' : len === 1 ? 'crash' : len === 2 || len === 3 ? 'bad' : 'fine');
    }
    expect(new Set(report.failures.map((f) => f.outcome))).toEqual(new Set(['hang', 'crash', 'bad']));
  }, 120_000);

  it('every reader reads or clearly refuses 40 corrupted copies of its input: no hang, no crash, no raw error', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 20260101);
    const report = await runFuzz({ targets: FUZZ_TARGETS.map((t) => t.name), cases: 40, seed, caseTimeoutMs: 20_000 });
    for (const [name, r] of Object.entries(report)) {
      expect(r.cases, name).toBe(40);
      expect(r.failures, `${name} (seed ${seed})`).toEqual([]);
      expect(r.refused, name).toBeGreaterThan(0);
    }
  }, 300_000);
});
