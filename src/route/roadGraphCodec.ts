import { crc32 } from '../binary/crc32';
import { backwardCsr, travelTimes } from './buildRoadGraph';
import type { ContractionHierarchy } from './ContractionHierarchy';
import { FLAG_HIERARCHY, HEADER, HEADER_BYTES, layoutOf, NETWORK_MAGIC, NETWORK_VERSION, sectionsOf, type NetworkCounts } from './networkFormat';
import type { RoadGraph } from './RoadGraph';
import { validateHierarchy } from './validateHierarchy';
import { corrupt, parseNetworkMeta, validateStoredArcs, type StoredArcs } from './validateRoadGraph';

export { NETWORK_MAGIC, NETWORK_VERSION } from './networkFormat';

/** A decoded network.bin: the graph and, when the file stores one, its contraction hierarchy. */
export interface DecodedNetwork {
  graph: RoadGraph;
  hierarchy: ContractionHierarchy | null;
}

/** CRC-32 of a whole file but its own 4 checksum bytes. */
function fileCrc(bytes: Uint8Array): number {
  return crc32(bytes.subarray(HEADER.crc + 4), crc32(bytes.subarray(0, HEADER.crc)));
}

/**
 * Serialises a graph (and optionally the contraction hierarchy built on its free-flow times) into
 * one `network.bin` buffer, version 2, with its checksum.
 */
export function encodeRoadGraph(g: RoadGraph, hierarchy: ContractionHierarchy | null = null): Uint8Array {
  if (hierarchy && hierarchy.nodeCount !== g.nodeCount) throw new Error(`encodeRoadGraph: hierarchy has ${hierarchy.nodeCount} nodes, graph ${g.nodeCount}`);
  const meta = new TextEncoder().encode(JSON.stringify({
    lines: g.lines, roadClassNames: g.roadClassNames, mode: g.mode,
    ...(hierarchy ? { hierarchy: { shortcutCount: hierarchy.shortcutCount } } : {}),
  }));
  const counts: NetworkCounts = {
    nodes: g.nodeCount, arcs: g.arcCount, metaBytes: meta.length,
    hierarchy: hierarchy ? { up: hierarchy.upTo.length, down: hierarchy.downFrom.length } : null,
  };
  const sections = sectionsOf(counts);
  const { offsets, totalBytes } = layoutOf(sections);
  const out = new Uint8Array(totalBytes);
  const head = new DataView(out.buffer);
  const put = (field: number, v: number) => head.setUint32(field, v, true);
  put(HEADER.magic, NETWORK_MAGIC); put(HEADER.version, NETWORK_VERSION);
  put(HEADER.nodes, counts.nodes); put(HEADER.arcs, counts.arcs); put(HEADER.metaBytes, counts.metaBytes);
  put(HEADER.flags, hierarchy ? FLAG_HIERARCHY : 0);
  put(HEADER.upEdges, counts.hierarchy?.up ?? 0); put(HEADER.downEdges, counts.hierarchy?.down ?? 0);
  const source: Record<string, ArrayBufferView> = { ...g, ...(hierarchy ?? {}), meta } as unknown as Record<string, ArrayBufferView>;
  sections.forEach((s, i) => {
    const p = source[s.name];
    out.set(new Uint8Array(p.buffer, p.byteOffset, s.length * s.type.BYTES_PER_ELEMENT), offsets[i]);
  });
  put(HEADER.crc, fileCrc(out));
  return out;
}

/** Reads the header: magic, version, counts; throws naming `source` when it is not a network.bin. */
function readHeader(bytes: Uint8Array, source: string): { version: number; crc: number; counts: NetworkCounts } {
  if (bytes.byteLength < HEADER_BYTES) throw new Error(`${source}: expected a ${HEADER_BYTES}-byte header, got ${bytes.byteLength} bytes`);
  const head = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const get = (field: number) => head.getUint32(field, true);
  const magic = get(HEADER.magic);
  if (magic !== NETWORK_MAGIC) throw new Error(`${source}: expected magic "RCNW" (a road network), got 0x${magic.toString(16)}`);
  const version = get(HEADER.version);
  if (version !== 1 && version !== NETWORK_VERSION) throw new Error(`${source}: expected version 1 or ${NETWORK_VERSION}, got ${version}; rebuild it with \`npm run tiles\``);
  const flags = version === 1 ? 0 : get(HEADER.flags);
  if (flags & ~FLAG_HIERARCHY) throw corrupt(source, `header flags 0x${flags.toString(16)}: expected 0 or ${FLAG_HIERARCHY}`);
  const hierarchy = flags & FLAG_HIERARCHY ? { up: get(HEADER.upEdges), down: get(HEADER.downEdges) } : null;
  return { version, crc: get(HEADER.crc), counts: { nodes: get(HEADER.nodes), arcs: get(HEADER.arcs), metaBytes: get(HEADER.metaBytes), hierarchy } };
}

/**
 * Reads a `network.bin` buffer back (version 2, or version 1 without checksum or hierarchy).
 * `source` names the file in errors. Throws a clear error for another kind of file, a wrong size,
 * a checksum mismatch, or any stored value a search could not work with (see validateStoredArcs and
 * validateHierarchy): a corrupt file is refused, never routed on.
 */
export function decodeNetwork(data: ArrayBuffer | Uint8Array, source = 'network.bin'): DecodedNetwork {
  let bytes: Uint8Array<ArrayBuffer> = data instanceof Uint8Array ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
  // Typed-array views need aligned offsets, and the graph must not live on a buffer another thread writes.
  if (bytes.byteOffset % 8 !== 0 || !(bytes.buffer instanceof ArrayBuffer)) bytes = bytes.slice();
  const { version, crc, counts } = readHeader(bytes, source);
  const sections = sectionsOf(counts);
  const { offsets, totalBytes } = layoutOf(sections);
  if (bytes.byteLength !== totalBytes) {
    throw new Error(`${source}: ${bytes.byteLength < totalBytes ? 'truncated' : 'trailing bytes'}: ${counts.nodes} nodes and ${counts.arcs} arcs${counts.hierarchy ? ' with a hierarchy' : ''} make ${totalBytes} bytes, got ${bytes.byteLength}`);
  }
  if (version >= 2) {
    const actual = fileCrc(bytes);
    if (actual !== crc) throw new Error(`${source}: checksum mismatch: stored CRC-32 0x${crc.toString(16)}, the bytes give 0x${actual.toString(16)} (the file is damaged; rebuild it)`);
  }
  const view: Record<string, ArrayBufferView> = {};
  sections.forEach((s, i) => { view[s.name] = new s.type(bytes.buffer, bytes.byteOffset + offsets[i], s.length); });
  const meta = parseNetworkMeta(view.meta as Uint8Array, source);
  const arcs = view as unknown as StoredArcs;
  validateStoredArcs(arcs, meta, source);
  const graph = assembleGraph(arcs, meta, source);
  const hierarchy = counts.hierarchy ? hierarchyOf(view, graph, meta.hierarchy?.shortcutCount ?? 0) : null;
  if (hierarchy) validateHierarchy(hierarchy, graph, source);
  return { graph, hierarchy };
}

/** Reads a `network.bin` buffer into its RoadGraph (see decodeNetwork; a stored hierarchy is checked and dropped). */
export function decodeRoadGraph(data: ArrayBuffer | Uint8Array, source = 'network.bin'): RoadGraph {
  return decodeNetwork(data, source).graph;
}

/** The RoadGraph over the stored arrays, with what is derived on load (arcFrom, backward CSR, times). */
function assembleGraph(a: StoredArcs, meta: ReturnType<typeof parseNetworkMeta>, source: string): RoadGraph {
  const n = a.arcOffsets.length - 1, m = a.arcTo.length;
  const arcFrom = new Uint32Array(m);
  for (let v = 0; v < n; v++) arcFrom.fill(v, a.arcOffsets[v], a.arcOffsets[v + 1]);
  const arcTimeS = travelTimes(a.arcLengthM, a.arcSpeedMps);
  for (let k = 0; k < m; k++) {
    if (!(arcTimeS[k] < Infinity)) throw corrupt(source, `arc ${k}: ${a.arcLengthM[k]} m at ${a.arcSpeedMps[k]} m/s: expected a finite travel time`);
  }
  return {
    nodeCount: n, arcCount: m, nodeLonLatDeg: a.nodeLonLatDeg, arcOffsets: a.arcOffsets, arcFrom, arcTo: a.arcTo,
    arcLengthM: a.arcLengthM, arcSpeedMps: a.arcSpeedMps, arcRoadClass: a.arcRoadClass, arcOneway: a.arcOneway, arcLine: a.arcLine,
    ...backwardCsr(n, a.arcTo), arcTimeS,
    lines: meta.lines, roadClassNames: meta.roadClassNames, mode: meta.mode,
  };
}

function hierarchyOf(view: Record<string, ArrayBufferView>, g: RoadGraph, shortcutCount: number): ContractionHierarchy {
  const v = view as unknown as Omit<ContractionHierarchy, 'nodeCount' | 'shortcutCount'>;
  return {
    nodeCount: g.nodeCount, rank: v.rank, shortcutCount,
    upOffsets: v.upOffsets, upTo: v.upTo, upWeightS: v.upWeightS, upCode: v.upCode,
    downOffsets: v.downOffsets, downFrom: v.downFrom, downWeightS: v.downWeightS, downCode: v.downCode,
  };
}
