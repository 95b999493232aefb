import type { WorkerEndpoint } from '../../sim/core/WorkerPort';
import type { RunEnvironment } from '../run/ModuleContext';
import { executeJob } from './executeJob';
import type { JobReply, JobRequest } from './JobMessages';

/**
 * The worker side of a job pool (node worker_threads or a Web Worker): runs each requested job,
 * posts progress (at most every 1 %) and the result or the error; `cancel` aborts a job between
 * solver steps. One job at a time per worker; the city stays cached between jobs.
 */
export function serveJobs(port: WorkerEndpoint, env: RunEnvironment): void {
  const running = new Map<number, AbortController>();
  port.onMessage((raw) => {
    const m = raw as JobRequest;
    if (m.type === 'cancel') { running.get(m.id)?.abort(); return; }
    const ac = new AbortController();
    running.set(m.id, ac);
    let last = -1;
    const post = (r: JobReply) => port.postMessage(r);
    executeJob(m.job, env, ac.signal, (progress) => {
      const pct = Math.floor(progress.fraction * 100);
      if (pct !== last) { last = pct; post({ type: 'progress', id: m.id, progress }); }
    }).then(
      (result) => post({ type: 'result', id: m.id, result }),
      (err: Error) => post({ type: 'error', id: m.id, name: ac.signal.aborted ? 'AbortError' : err.name, message: err.message }),
    ).finally(() => running.delete(m.id));
  });
}
