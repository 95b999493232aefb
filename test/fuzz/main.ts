/**
 * `npm run fuzz [-- --cases N] [--seed S] [--target NAME] [--timeout-ms MS]`: the long fuzzing run
 * of every reader (default 1,000 cases each); JSON on stdout, exit 1 on any hang, crash or unclear
 * error. A failing case is reproduced by its target, seed and index (see mutations.ts).
 */
import { FUZZ_TARGETS } from './targets';
import { runFuzz } from './runFuzz';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => { const k = args.indexOf(`--${name}`); return k >= 0 ? args[k + 1] : fallback; };
const target = flag('target', ''), seed = Number(flag('seed', String(Date.now() % 100000)));
const report = await runFuzz({
  targets: target ? target.split(',') : FUZZ_TARGETS.map((t) => t.name),
  cases: Number(flag('cases', '1000')), seed,
  caseTimeoutMs: Number(flag('timeout-ms', '20000')),
});
const failures = Object.values(report).reduce((n, r) => n + r.failures.length, 0);
console.log(JSON.stringify({ seed, failures, report }, null, 2));
process.exit(failures ? 1 : 0);
