import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractGraph } from '../../route/contractGraph';
import { TRAVEL_MODES, type TravelMode } from '../../route/TravelMode';
import { encodeRoadGraph } from '../../route/roadGraphCodec';
import { compileRoadNetwork } from './compileRoadNetwork';
import { readRoadLinesGeoJson } from './readRoadLinesGeoJson';

/** What writeNetworkForCity wrote for one mode. */
export interface ModeNetworkSummary {
  file: string;
  nodes: number;
  /** Directed arcs (a two-way segment counts twice). */
  edges: number;
  bytes: number;
  /** Time to build the contraction hierarchy stored in the file (s). */
  contractionS: number;
}

/** The car network's figures (network.bin, as before modes), and each mode's. */
export interface NetworkSummary extends ModeNetworkSummary {
  modes: Record<TravelMode, ModeNetworkSummary>;
}

/** The file of a mode's network in a city folder: network.bin for cars (what dispatch loads), network-walk.bin, ... */
export const networkFileName = (mode: TravelMode): string => (mode === 'car' ? 'network.bin' : `network-${mode}.bin`);

/**
 * Compiles `cityDir/roads.geojson` (as written by writeCitySources and imports) into one network per
 * travel mode, each with its contraction hierarchy: `network.bin` (cars and emergency vehicles) and
 * `network-walk.bin`. `nodeCrossings` defaults to true because the demo city's lines are not noded
 * where they cross; pass false for OSM-derived roads, whose shared vertices are the junctions.
 */
export function writeNetworkForCity(cityDir: string, opts: { nodeCrossings?: boolean } = {}): NetworkSummary {
  const lines = readRoadLinesGeoJson(join(cityDir, 'roads.geojson'));
  const modes = Object.fromEntries(TRAVEL_MODES.map((mode) => {
    const graph = compileRoadNetwork(lines, { nodeCrossings: opts.nodeCrossings ?? true, mode });
    const t0 = performance.now();
    // Stored with the network, the hierarchy is built once here instead of on every load.
    const hierarchy = contractGraph(graph);
    const contractionS = Math.round(performance.now() - t0) / 1000;
    const bytes = encodeRoadGraph(graph, hierarchy);
    const file = join(cityDir, networkFileName(mode));
    writeFileSync(file, bytes);
    return [mode, { file, nodes: graph.nodeCount, edges: graph.arcCount, bytes: bytes.byteLength, contractionS }];
  })) as Record<TravelMode, ModeNetworkSummary>;
  return { ...modes.car, modes };
}

/** The summary's figures as the tiles command prints them: the car network's, and the walk network's (with the time its hierarchy took, s). */
export function networkFigures(s: NetworkSummary) {
  const pick = (m: ModeNetworkSummary) => ({ nodes: m.nodes, edges: m.edges, bytes: m.bytes, contractionS: m.contractionS });
  return { ...pick(s.modes.car), walk: pick(s.modes.walk) };
}
