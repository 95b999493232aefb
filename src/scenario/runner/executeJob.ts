import type { AbortLike } from '../../sim/core/SimProgress';
import { scenarioCity } from '../city/ScenarioCity';
import type { RunEnvironment } from '../run/ModuleContext';
import { runScenario, type RunProgress } from '../run/runScenario';
import type { RunResult } from '../run/RunResult';
import { applyVariant } from '../variants/applyVariant';
import type { RunJob } from './RunJob';

/** Does one job on this thread (what every executor's worker calls): city, variant, run. */
export async function executeJob(job: RunJob, env: RunEnvironment, signal?: AbortLike, onProgress?: (p: RunProgress) => void): Promise<RunResult> {
  const city = await scenarioCity(job.scenario.city, env.openCity);
  return runScenario(applyVariant(job.scenario, job.variant), city, env, job.hash, { signal, onProgress });
}
