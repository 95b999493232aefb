import { existsSync, readFileSync } from 'node:fs';
import { decodeRoadGraph } from '../../route/roadGraphCodec';
import type { RoadGraph } from '../../route/RoadGraph';
import { demoRoadGraph } from './demoRoadGraph';

/** Where `npm run tiles` writes the demo city's network. */
export const DEFAULT_NETWORK_FILE = 'tilesets/demo/network.bin';

/**
 * Opens a network.bin. With no file given, the default one, or the demo city compiled in memory
 * when that is absent (said in `source`). A named file that is missing is an error that says how
 * to build one.
 */
export function openRoadGraph(file?: string): { graph: RoadGraph; source: string } {
  if (file === undefined) {
    if (existsSync(DEFAULT_NETWORK_FILE)) return { graph: decodeRoadGraph(readFileSync(DEFAULT_NETWORK_FILE), DEFAULT_NETWORK_FILE), source: DEFAULT_NETWORK_FILE };
    return { graph: demoRoadGraph(), source: `demo city compiled in memory (${DEFAULT_NETWORK_FILE} not found; \`npm run tiles\` writes it)` };
  }
  if (!existsSync(file)) {
    throw new Error(`network file not found: ${file}; build the demo city's with \`npm run tiles\` (writes ${DEFAULT_NETWORK_FILE}), or leave --graph out to use the demo city in memory`);
  }
  return { graph: decodeRoadGraph(readFileSync(file), file), source: file };
}
