import { existsSync, readFileSync } from 'node:fs';
import { decodeNetwork, type DecodedNetwork } from '../../route/roadGraphCodec';
import { demoRoadGraph } from './demoRoadGraph';

/** Where `npm run tiles` writes the demo city's network. */
export const DEFAULT_NETWORK_FILE = 'tilesets/demo/network.bin';

/**
 * Opens a network.bin (checked on load: a damaged file is an error naming it) with its stored
 * hierarchy, if any. With no file given, the default one, or the demo city compiled in memory when
 * that is absent (said in `source`). A named file that is missing is an error that says how to
 * build one.
 */
export function openRoadGraph(file?: string): DecodedNetwork & { source: string } {
  if (file === undefined) {
    if (existsSync(DEFAULT_NETWORK_FILE)) return { ...decodeNetwork(readFileSync(DEFAULT_NETWORK_FILE), DEFAULT_NETWORK_FILE), source: DEFAULT_NETWORK_FILE };
    return { graph: demoRoadGraph(), hierarchy: null, source: `demo city compiled in memory (${DEFAULT_NETWORK_FILE} not found; \`npm run tiles\` writes it)` };
  }
  if (!existsSync(file)) {
    throw new Error(`network file not found: ${file}; build the demo city's with \`npm run tiles\` (writes ${DEFAULT_NETWORK_FILE}), or leave --graph out to use the demo city in memory`);
  }
  return { ...decodeNetwork(readFileSync(file), file), source: file };
}
