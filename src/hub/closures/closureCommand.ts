/** Incident commands about roads: they act on the road network, not on one incident. */
export const CLOSURE_ACTIONS = ['close_road', 'reopen_road', 'close_flooded_roads'] as const;
export type ClosureAction = (typeof CLOSURE_ACTIONS)[number];

/** Water deeper than this closes a road by default (m): the usual limit for cars (as the flood model's roadM). */
export const DEFAULT_FLOOD_DEPTH_M = 0.3;
/** The depth thresholds a flood closure may ask for (m). */
export const FLOOD_DEPTH_RANGE_M = [0.05, 3] as const;

export function isClosureAction(a: string): a is ClosureAction {
  return (CLOSURE_ACTIONS as readonly string[]).includes(a);
}

/** The fields closure commands carry (beside id, action and an optional incidentId and text). */
export interface ClosureFields {
  /** close_road: the point to close the nearest road segment at, [lonDeg, latDeg]. */
  lonLat?: [number, number];
  /** reopen_road: the closure. */
  closureId?: string;
  /** close_flooded_roads: the run on `runs/flood`, its frame (default: the one it shows), the depth (m, default 0.3). */
  run?: string;
  frameIndex?: number;
  depthM?: number;
  incidentId?: string;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The fields of a closure command (see CLOSURE_ACTIONS), or the reason of a refusal (field and
 * expected value):
 * - close_road: `lonLat` [lonDeg, latDeg] (finite, on the globe), optional `incidentId`;
 * - reopen_road: `closureId`;
 * - close_flooded_roads: `run` (the id on `runs/flood`), optional `frameIndex` (default the frame
 *   the run shows), `depthM` (0.05-3, default 0.3) and `incidentId`.
 */
export function closureFields(o: Record<string, unknown>, action: ClosureAction): ClosureFields | string {
  const cmd: ClosureFields = {};
  if (o.incidentId !== undefined && action !== 'reopen_road') {
    if (typeof o.incidentId !== 'string' || !ID.test(o.incidentId)) return 'incidentId: expected an incident id';
    cmd.incidentId = o.incidentId;
  }
  if (action === 'close_road') {
    const p = o.lonLat;
    if (!Array.isArray(p) || p.length !== 2 || !p.every((v) => typeof v === 'number' && Number.isFinite(v)) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) return 'lonLat: expected [lonDeg, latDeg], finite numbers';
    cmd.lonLat = [p[0], p[1]];
  } else if (action === 'reopen_road') {
    if (typeof o.closureId !== 'string' || !ID.test(o.closureId)) return 'closureId: expected a closure id';
    cmd.closureId = o.closureId;
  } else {
    if (typeof o.run !== 'string' || !ID.test(o.run)) return 'run: expected the id of the flood run on runs/flood';
    cmd.run = o.run;
    if (o.frameIndex !== undefined) {
      if (!Number.isInteger(o.frameIndex) || (o.frameIndex as number) < 0 || (o.frameIndex as number) >= 10_000) return 'frameIndex: expected a frame index (0-9999)';
      cmd.frameIndex = o.frameIndex as number;
    }
    const [lo, hi] = FLOOD_DEPTH_RANGE_M;
    if (o.depthM !== undefined && !(typeof o.depthM === 'number' && o.depthM >= lo && o.depthM <= hi)) return `depthM: expected metres of water from ${lo} to ${hi}`;
    cmd.depthM = (o.depthM as number | undefined) ?? DEFAULT_FLOOD_DEPTH_M;
  }
  return cmd;
}
