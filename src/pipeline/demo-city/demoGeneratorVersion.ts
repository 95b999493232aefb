import { sourceHash } from '../sourceHash';

/** The code the demo package's bytes depend on (generator, package writers, sensor and resource rules, tilers). */
const SOURCES = ['src/pipeline', 'src/signs/registry', 'src/signs/schema', 'src/twin', 'src/dispatch', 'src/sim/evacuation', 'src/geo', 'src/route', 'src/random'];

let cached: string | null = null;

/**
 * Node only: the version of the demo generator's code, recorded in the package's provenance so a
 * package built by other code is rebuilt by `ensureDemoPackage` (tests, npm start).
 */
export function demoGeneratorVersion(): string {
  return (cached ??= sourceHash(SOURCES));
}
