import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeNetwork, type DecodedNetwork } from '../../route/roadGraphCodec';
import type { TravelMode } from '../../route/TravelMode';
import { demoRoadGraph } from './demoRoadGraph';
import { networkFileName } from './writeNetworkForCity';

/** Where `npm run tiles` writes the demo city's car network. */
export const DEFAULT_NETWORK_FILE = 'tilesets/demo/network.bin';

/**
 * Opens a network.bin (checked on load: a damaged file is an error naming it) with its stored
 * hierarchy, if any. With no file given, the demo city's network of `mode` from tilesets/demo
 * (network.bin for cars, network-walk.bin for walkers), or compiled in memory when that is absent
 * (said in `source`). A named file that is missing, or holds another mode's network, is an error
 * that says what to do.
 */
export function openRoadGraph(file?: string, mode: TravelMode = 'car'): DecodedNetwork & { source: string } {
  if (file === undefined) {
    const demoFile = join(dirname(DEFAULT_NETWORK_FILE), networkFileName(mode));
    if (existsSync(demoFile)) return openRoadGraph(demoFile, mode);
    return { graph: demoRoadGraph(undefined, mode), hierarchy: null, source: `demo city compiled in memory (${demoFile} not found; \`npm run tiles\` writes it)` };
  }
  if (!existsSync(file)) {
    throw new Error(`network file not found: ${file}; build the demo city's with \`npm run tiles\` (writes ${DEFAULT_NETWORK_FILE}), or leave --graph out to use the demo city in memory`);
  }
  const network = decodeNetwork(readFileSync(file), file);
  if (network.graph.mode !== mode) throw new Error(`${file}: holds the ${network.graph.mode} network, not the ${mode} one (${networkFileName(mode)} in the same folder?)`);
  return { ...network, source: file };
}
