import { existsSync, readFileSync } from 'node:fs';
import { decodeRoadGraph } from '../../route/roadGraphCodec';
import type { RoadGraph } from '../../route/RoadGraph';

/** Where `npm run tiles` writes the demo city's network. */
export const DEFAULT_NETWORK_FILE = 'tilesets/demo/network.bin';

/**
 * Opens a network.bin (default: the demo city's). A file that is missing is an error that says how
 * to build one.
 */
export function openRoadGraph(file = DEFAULT_NETWORK_FILE): { graph: RoadGraph; source: string } {
  if (!existsSync(file)) {
    throw new Error(`network file not found: ${file}; \`npm run tiles\` writes the demo city's (${DEFAULT_NETWORK_FILE}), \`city import\` an imported city's`);
  }
  return { graph: decodeRoadGraph(readFileSync(file), file), source: file };
}
