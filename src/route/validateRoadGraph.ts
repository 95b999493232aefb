import type { RoadLineInfo } from './RoadGraph';
import { TRAVEL_MODES, type TravelMode } from './TravelMode';

/** Above any road's speed (540 km/h): a larger value is a corrupt file, not a fast road. */
export const MAX_ARC_SPEED_MPS = 150;

/** The JSON part of network.bin. */
export interface NetworkMeta {
  lines: RoadLineInfo[];
  roadClassNames: string[];
  /** Who may travel this network; absent in version 1 files, which were all car networks. */
  mode: TravelMode;
  /** Present when the file stores a contraction hierarchy. */
  hierarchy?: { shortcutCount: number };
}

/** The arrays of network.bin the checks read. */
export interface StoredArcs {
  nodeLonLatDeg: Float64Array;
  arcOffsets: Uint32Array;
  arcTo: Uint32Array;
  arcLengthM: Float32Array;
  arcSpeedMps: Float32Array;
  arcLine: Uint32Array;
  arcRoadClass: Uint8Array;
  arcOneway: Uint8Array;
}

/** An Error naming the file and what was expected where. */
export const corrupt = (source: string, what: string): Error => new Error(`${source}: corrupt: ${what}`);

/** Parses and checks the meta JSON: road lines with string ids and names, class names, a known mode. */
export function parseNetworkMeta(bytes: Uint8Array, source: string): NetworkMeta {
  let meta: unknown;
  try {
    meta = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    throw corrupt(source, `meta: expected UTF-8 JSON (${(err as Error).message})`);
  }
  const m = meta as Partial<NetworkMeta> | null;
  if (typeof m !== 'object' || m === null) throw corrupt(source, 'meta: expected a JSON object');
  if (!Array.isArray(m.lines)) throw corrupt(source, 'meta.lines: expected an array of road lines');
  m.lines.forEach((l, i) => {
    if (typeof l?.id !== 'string' || typeof l?.name !== 'string') throw corrupt(source, `meta.lines[${i}]: expected { id: string, name: string }`);
  });
  if (!Array.isArray(m.roadClassNames) || m.roadClassNames.length > 256 || !m.roadClassNames.every((c) => typeof c === 'string')) {
    throw corrupt(source, 'meta.roadClassNames: expected at most 256 strings');
  }
  const mode = m.mode ?? 'car';
  if (!(TRAVEL_MODES as ReadonlyArray<string>).includes(mode)) throw corrupt(source, `meta.mode: expected one of ${TRAVEL_MODES.join(', ')}, got ${JSON.stringify(mode)}`);
  const sc = m.hierarchy?.shortcutCount;
  if (m.hierarchy !== undefined && !(Number.isInteger(sc) && (sc as number) >= 0)) throw corrupt(source, 'meta.hierarchy.shortcutCount: expected an integer >= 0');
  return { lines: m.lines, roadClassNames: m.roadClassNames, mode, ...(m.hierarchy ? { hierarchy: { shortcutCount: sc as number } } : {}) };
}

/**
 * Checks every stored value a search or a drawing relies on: node positions on the globe,
 * increasing arc offsets that end at the arc count, arc heads in range, finite non-negative lengths
 * (zero-length arcs between distinct nodes at one position occur in real data and are harmless),
 * speeds in (0, MAX_ARC_SPEED_MPS], class, one-way flag and source line in range. O(n + m).
 */
export function validateStoredArcs(a: StoredArcs, meta: NetworkMeta, source: string): void {
  const n = a.arcOffsets.length - 1, m = a.arcTo.length, ll = a.nodeLonLatDeg;
  for (let v = 0; v < n; v++) {
    const lon = ll[2 * v], lat = ll[2 * v + 1];
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) throw corrupt(source, `node ${v} at [${lon}, ${lat}]: expected [lonDeg in -180..180, latDeg in -90..90]`);
  }
  if (a.arcOffsets[0] !== 0) throw corrupt(source, `arcOffsets[0] = ${a.arcOffsets[0]}: expected 0`);
  for (let v = 0; v < n; v++) {
    if (a.arcOffsets[v + 1] < a.arcOffsets[v]) throw corrupt(source, `arcOffsets[${v + 1}] = ${a.arcOffsets[v + 1]} < arcOffsets[${v}] = ${a.arcOffsets[v]}: expected non-decreasing offsets`);
  }
  if (a.arcOffsets[n] !== m) throw corrupt(source, `arcOffsets[${n}] = ${a.arcOffsets[n]}: expected the arc count ${m}`);
  const classes = meta.roadClassNames.length, lines = meta.lines.length;
  for (let k = 0; k < m; k++) {
    if (a.arcTo[k] >= n) throw corrupt(source, `arc ${k} points to node ${a.arcTo[k]}: expected a node below ${n}`);
    const len = a.arcLengthM[k], speed = a.arcSpeedMps[k];
    if (!(len >= 0 && len < Infinity)) throw corrupt(source, `arcLengthM[${k}] = ${len}: expected a finite length >= 0 m`);
    if (!(speed > 0 && speed <= MAX_ARC_SPEED_MPS)) throw corrupt(source, `arcSpeedMps[${k}] = ${speed}: expected a speed in (0, ${MAX_ARC_SPEED_MPS}] m/s`);
    if (a.arcRoadClass[k] >= classes) throw corrupt(source, `arcRoadClass[${k}] = ${a.arcRoadClass[k]}: expected a class below ${classes}`);
    if (a.arcOneway[k] > 1) throw corrupt(source, `arcOneway[${k}] = ${a.arcOneway[k]}: expected 0 or 1`);
    if (a.arcLine[k] >= lines) throw corrupt(source, `arcLine[${k}] = ${a.arcLine[k]}: expected a road line below ${lines}`);
  }
}
