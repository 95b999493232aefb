/**
 * The fuzzing child process: reads corrupted copies of each target's input, one case after another,
 * and tells the parent before and after each case (so the parent can time out a hang and name the
 * case that crashed the process). Started by runFuzz with `node --import tsx`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMutation, describeMutation, mutationOf } from './mutations';
import { CANARY_TARGET } from './canaryTarget';
import type { FuzzTarget } from './FuzzTarget';
import type { CaseResult, ChildMessage, ChildRequest } from './fuzzProtocol';

const dir = mkdtempSync(join(tmpdir(), 'rc-fuzz-'));
const bases = new Map<string, { bytes: Uint8Array; summary: string }>();

const RAW_ERRORS = [TypeError, RangeError, SyntaxError, ReferenceError];

/** Whether an error is a refusal a person can act on: a plain error naming the file, then the place. */
function refusalProblem(t: FuzzTarget, path: string, err: unknown): string | null {
  if (!(err instanceof Error)) return `threw a non-Error: ${String(err)}`;
  if (RAW_ERRORS.some((E) => err instanceof E)) return `raw ${err.name}: ${err.message}`;
  const prefix = t.prefix?.(path) ?? path;
  if (!err.message.startsWith(prefix)) return `does not name the file first: ${err.message}`;
  const rest = err.message.slice(prefix.length).replace(/^:/, '').replace(/^ /, '');
  return t.place.test(rest) ? null : `names no place: ${err.message}`;
}

async function base(t: FuzzTarget): Promise<{ bytes: Uint8Array; summary: string }> {
  let b = bases.get(t.name);
  if (!b) {
    const bytes = t.base(), path = join(dir, t.file);
    writeFileSync(path, bytes);
    const out = await t.read(path, bytes);
    if (out.problem) throw new Error(`fuzz target ${t.name}: its own input fails: ${out.problem}`);
    b = { bytes, summary: out.summary };
    bases.set(t.name, b);
  }
  return b;
}

async function runCase(t: FuzzTarget, seed: number, index: number): Promise<CaseResult> {
  const b = await base(t);
  const m = mutationOf(t.name, seed, index, b.bytes.length);
  const bytes = applyMutation(b.bytes, m), path = join(dir, t.file);
  writeFileSync(path, bytes);
  const what = describeMutation(m);
  try {
    const out = await t.read(path, bytes);
    if (out.problem) return { index, outcome: 'bad', what, detail: out.problem };
    if (out.refused) return { index, outcome: 'refused', what, detail: out.refused };
    if (m.kind === 'truncate' && out.summary !== b.summary) {
      const fewer = t.truncationMayShrink && parseInt(out.summary, 10) <= parseInt(b.summary, 10);
      if (!fewer) return { index, outcome: 'bad', what, detail: `a truncated file was accepted as "${out.summary}" (whole: "${b.summary}")` };
    }
    return { index, outcome: 'ok', what, detail: out.summary };
  } catch (err) {
    const problem = refusalProblem(t, path, err);
    return problem ? { index, outcome: 'bad', what, detail: problem } : { index, outcome: 'refused', what, detail: (err as Error).message.slice(0, 200) };
  }
}

const sent = (m: ChildMessage) => new Promise<void>((resolve) => process.send!(m, undefined, undefined, () => resolve()));

process.on('message', async (req: ChildRequest) => {
  // The readers' modules load only when a reader is fuzzed (the harness self-test starts fast).
  const t = req.target === CANARY_TARGET.name ? CANARY_TARGET : (await import('./targets')).FUZZ_TARGETS.find((x) => x.name === req.target);
  if (!t) { process.send!({ type: 'fatal', message: `unknown fuzz target ${req.target}` }); return; }
  for (let i = req.from; i < req.to; i++) {
    await sent({ type: 'start', index: i }); // flushed first, so a crash in the case is blamed on it
    await sent({ type: 'result', result: await runCase(t, req.seed, i) });
  }
  process.send!({ type: 'done' });
});
process.on('disconnect', () => { rmSync(dir, { recursive: true, force: true }); process.exit(0); });
process.send!({ type: 'ready', dir });
