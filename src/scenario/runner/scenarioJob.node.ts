/**
 * Node entry of the scenario job pool (CLI, tests, bench), started by spawnNodeWorker (which maps
 * a browser worker's globals onto worker_threads and loads .ts with tsx): the job api over comlink.
 */
import { expose } from 'comlink';
import { nodeEnvironment } from '../run/nodeEnvironment';
import { jobApi } from './jobApi';

expose(jobApi(nodeEnvironment));
