/** Web Worker entry of the scenario job pool: the job api (jobApi) over comlink, with the browser's environment. */
import { expose } from 'comlink';
import { browserEnvironment } from '../run/browserEnvironment';
import { jobApi } from './jobApi';

expose(jobApi(browserEnvironment));
