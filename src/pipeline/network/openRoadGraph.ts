import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeNetwork, type DecodedNetwork } from '../../route/roadGraphCodec';
import type { TravelMode } from '../../route/TravelMode';
import { networkFileName } from './writeNetworkForCity';

/** Where `npm run tiles` writes the demo city's car network. */
export const DEFAULT_NETWORK_FILE = 'tilesets/demo/network.bin';

/**
 * Opens a network.bin (checked on load: a damaged file is an error naming it) with its stored
 * hierarchy, if any. With no file given, the demo city's network of `mode` from tilesets/demo
 * (network.bin for cars, network-walk.bin for walkers). A file that is missing, or holds another
 * mode's network, is an error that says what to do.
 */
export function openRoadGraph(file?: string, mode: TravelMode = 'car'): DecodedNetwork & { source: string } {
  const path = file ?? join(dirname(DEFAULT_NETWORK_FILE), networkFileName(mode));
  if (!existsSync(path)) {
    throw new Error(`network file not found: ${path}; \`npm run tiles\` writes the demo city's (${DEFAULT_NETWORK_FILE}), \`city import\` an imported city's`);
  }
  const network = decodeNetwork(readFileSync(path), path);
  if (network.graph.mode !== mode) throw new Error(`${path}: holds the ${network.graph.mode} network, not the ${mode} one (${networkFileName(mode)} in the same folder?)`);
  return { ...network, source: path };
}
