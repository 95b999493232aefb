import type { RunProgress } from '../run/runScenario';
import type { RunResult } from '../run/RunResult';
import type { RunJob } from './RunJob';

/** Main thread -> job worker. */
export type JobRequest = { type: 'run'; id: number; job: RunJob } | { type: 'cancel'; id: number };

/** Job worker -> main thread. */
export type JobReply =
  | { type: 'progress'; id: number; progress: RunProgress }
  | { type: 'result'; id: number; result: RunResult }
  | { type: 'error'; id: number; name: string; message: string };
