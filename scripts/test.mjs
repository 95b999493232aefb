// `npm test`: the unit and browser projects of vitest.config.ts, run side by side in two vitest
// processes. vitest runs its projects one after the other (and the browser files one at a time, as
// they share the global hub), and most of the browser files' time is spent waiting on the app
// (tiles, the hub, timers), so the unit files use that time: on two cores the suite takes about
// the browser phase's time instead of the sum (figures in README's "Tests").
//
// The unit project's output streams live; the browser project's is kept in
// test-results/browser-run.log until the unit project ends, then printed and streamed. A failed
// unit run's summary is printed again at the end, so the tail of the log names every failure.
// `npm test -- ARGS` passes ARGS to one `vitest run` (e.g. a file); TWIN_TEST_SERIAL=1 runs the
// projects one after the other.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const node = process.execPath;
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const args = process.argv.slice(2);

function runVitest(extra, stdio) {
  return spawn(node, [vitest, 'run', ...extra], { cwd: root, stdio, env: process.env });
}

// 'close', not 'exit': the child's output has then been read to its end.
const exitCode = (child) => new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));

if (args.length || process.env.TWIN_TEST_SERIAL === '1') {
  process.exit(await exitCode(runVitest(args, 'inherit')));
}

// Both projects' global set-ups read the demo package and rebuild it when stale: build it once
// here, so two processes never write it at the same time.
const built = spawnSync(node, [tsx, 'src/cli/main.ts', 'tiles', '--city', 'demo', '--if-stale'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) {
  console.error(`npm test: building the demo city package failed (exit ${built.status})`);
  process.exit(1);
}

const t0 = Date.now();
const seconds = () => ((Date.now() - t0) / 1000).toFixed(0);
mkdirSync(join(root, 'test-results'), { recursive: true });
const browserLogPath = join(root, 'test-results/browser-run.log');
const browserLog = createWriteStream(browserLogPath);
const browserHeld = [];
let browserLive = false;
const browser = runVitest(['--project', 'browser'], ['ignore', 'pipe', 'pipe']);
const onBrowserOutput = (chunk) => { browserLog.write(chunk); if (browserLive) process.stdout.write(chunk); else browserHeld.push(chunk); };
browser.stdout.on('data', onBrowserOutput);
browser.stderr.on('data', onBrowserOutput);

// The unit run is piped too (and echoed at once) so that its summary can be printed again at the end.
let unitTail = '';
const unit = runVitest(['--project', 'unit'], ['ignore', 'pipe', 'pipe']);
const onUnitOutput = (chunk) => { process.stdout.write(chunk); unitTail = (unitTail + chunk.toString()).slice(-12_000); };
unit.stdout.on('data', onUnitOutput);
unit.stderr.on('data', onUnitOutput);

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { unit.kill(signal); browser.kill(signal); });

const browserDone = exitCode(browser);
const unitCode = await exitCode(unit);
const unitSeconds = seconds();
console.log(`\nnpm test: unit project ended (exit ${unitCode}) after ${unitSeconds} s; the browser project's output so far (also in ${browserLogPath}):\n`);
for (const chunk of browserHeld.splice(0)) process.stdout.write(chunk);
browserLive = true;
const browserCode = await browserDone;
browserLog.end();
if (unitCode !== 0) console.log(`\nnpm test: the unit project failed; its summary again:\n${unitTail}`);
console.log(`\nnpm test: unit exit ${unitCode} (${unitSeconds} s), browser exit ${browserCode} (${seconds()} s), side by side`);
process.exit(unitCode || browserCode);
