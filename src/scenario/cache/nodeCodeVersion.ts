import { sourceHash } from '../../pipeline/sourceHash';

/** Source the results depend on: the models, what they call, the city loader, the rules. */
const SOURCES = ['src/scenario', 'src/analysis', 'src/twin', 'src/sim', 'src/route', 'src/dispatch', 'src/pipeline/network', 'src/signs', 'src/geo', 'config/signs'];

let cached: string | null = null;

/**
 * Node only: the code version in cache keys, a hash over the source files results depend on, so
 * editing a model invalidates its cached runs (the city's data is keyed by its package revision).
 * Computed once per process.
 */
export function nodeCodeVersion(): string {
  return (cached ??= sourceHash(SOURCES));
}
