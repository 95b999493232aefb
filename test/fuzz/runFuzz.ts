import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult, ChildMessage, ChildRequest } from './fuzzProtocol';

export interface FuzzOptions {
  targets: string[];
  /** Cases per target. */
  cases: number;
  seed: number;
  /** A case running longer than this is a hang (ms). */
  caseTimeoutMs: number;
  /** Heap limit of the child (MB): an allocation a file talks it into fails there, not on the machine. */
  heapMb?: number;
}

export interface TargetReport { cases: number; ok: number; refused: number; failures: CaseResult[]; seconds: number }

const CHILD = join(import.meta.dirname, 'fuzzChild.ts');

/**
 * One child process running cases, replaced after a hang or a crash. `run` resolves with the results
 * of a range of cases; a hang (no result within the timeout) or a crash (V8 abort, out of memory)
 * ends the range early with that case recorded as 'hang' or 'crash'.
 */
class FuzzChild {
  private child: ChildProcess | null = null;
  private stderr = '';
  /** The child's scratch folder, removed here when the child is killed (it cannot clean up then). */
  private dir = '';

  constructor(private readonly heapMb: number) {}

  private start(): Promise<ChildProcess> {
    const child = fork(CHILD, [], { execArgv: ['--import', 'tsx', `--max-old-space-size=${this.heapMb}`], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.stderr = '';
    child.stderr!.on('data', (d: Buffer) => { this.stderr = (this.stderr + d.toString()).slice(-2000); });
    return new Promise((resolve, reject) => {
      child.once('message', (m: ChildMessage) => {
        if (m.type !== 'ready') { reject(new Error(`fuzz child: ${JSON.stringify(m)}`)); return; }
        this.dir = m.dir;
        resolve(child);
      });
      child.once('exit', (code) => reject(new Error(`fuzz child exited (${code}) before it was ready: ${this.stderr}`)));
    });
  }

  async run(req: ChildRequest, timeoutMs: number): Promise<CaseResult[]> {
    const child = this.child ?? (this.child = await this.start());
    const results: CaseResult[] = [];
    return new Promise((resolve, reject) => {
      let current = -1, timer: NodeJS.Timeout | undefined;
      const finish = (broken?: { outcome: 'hang' | 'crash'; detail: string }) => {
        clearTimeout(timer);
        child.removeListener('message', onMessage);
        child.removeListener('exit', onExit);
        if (broken) {
          child.kill('SIGKILL');
          rmSync(this.dir, { recursive: true, force: true });
          this.child = null;
          const err = this.stderr.trim().slice(-300);
          results.push({ index: current, outcome: broken.outcome, what: `case ${current}`, detail: broken.detail + (err ? `; stderr: ${err}` : '') });
        }
        resolve(results);
      };
      const arm = () => { clearTimeout(timer); timer = setTimeout(() => finish({ outcome: 'hang', detail: `no result after ${timeoutMs} ms` }), timeoutMs); };
      const onExit = (code: number | null, signal: string | null) => finish({ outcome: 'crash', detail: `the process died (exit ${code}, signal ${signal})` });
      const onMessage = (m: ChildMessage) => {
        if (m.type === 'start') { current = m.index; arm(); }
        else if (m.type === 'result') results.push(m.result);
        else if (m.type === 'done') finish();
        else if (m.type === 'fatal') { clearTimeout(timer); reject(new Error(m.message)); }
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(req);
      arm();
    });
  }

  dispose(): void {
    this.child?.disconnect();
    this.child = null;
  }
}

/** Fuzzes each target in turn in one child process (a new one after each hang or crash). */
export async function runFuzz(o: FuzzOptions): Promise<Record<string, TargetReport>> {
  const runner = new FuzzChild(o.heapMb ?? 2048);
  const out: Record<string, TargetReport> = {};
  try {
    for (const target of o.targets) {
      const t0 = performance.now(), results: CaseResult[] = [];
      for (let from = 0; from < o.cases;) {
        const got = await runner.run({ target, seed: o.seed, from, to: o.cases }, o.caseTimeoutMs);
        if (got.length === 0 || got[got.length - 1].index < from) throw new Error(`fuzz ${target}: the child ran no case from ${from}`);
        results.push(...got);
        from = got[got.length - 1].index + 1;
      }
      out[target] = {
        cases: results.length,
        ok: results.filter((r) => r.outcome === 'ok').length,
        refused: results.filter((r) => r.outcome === 'refused').length,
        failures: results.filter((r) => r.outcome !== 'ok' && r.outcome !== 'refused'),
        seconds: Math.round((performance.now() - t0) / 100) / 10,
      };
    }
  } finally {
    runner.dispose();
  }
  return out;
}
