import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractGraph } from '../../route/contractGraph';
import { encodeRoadGraph } from '../../route/roadGraphCodec';
import { compileRoadNetwork } from './compileRoadNetwork';
import { readRoadLinesGeoJson } from './readRoadLinesGeoJson';

/** What writeNetworkForCity wrote. */
export interface NetworkSummary {
  file: string;
  nodes: number;
  /** Directed arcs (a two-way segment counts twice). */
  edges: number;
  bytes: number;
}

/**
 * Compiles `cityDir/roads.geojson` (as written by writeCitySources) into `cityDir/network.bin`.
 * `nodeCrossings` defaults to true because the demo city's lines are not noded where they cross;
 * pass false for OSM-derived roads, whose shared vertices are the junctions.
 */
export function writeNetworkForCity(cityDir: string, opts: { nodeCrossings?: boolean } = {}): NetworkSummary {
  const lines = readRoadLinesGeoJson(join(cityDir, 'roads.geojson'));
  const graph = compileRoadNetwork(lines, { nodeCrossings: opts.nodeCrossings ?? true });
  // Stored with the network, the hierarchy is built once here instead of on every load.
  const bytes = encodeRoadGraph(graph, contractGraph(graph));
  const file = join(cityDir, 'network.bin');
  writeFileSync(file, bytes);
  return { file, nodes: graph.nodeCount, edges: graph.arcCount, bytes: bytes.byteLength };
}
