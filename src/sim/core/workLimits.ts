/**
 * Bounds on what an input file can make a run allocate or compute. Each is checked before the
 * work starts (scenario validation, flood scenario parsing, grid building) and refused with the
 * JSON path and the limit, so a file never aborts the process or runs for days.
 */

/** Most timeline frames of a run: a day at one-minute frames (each frame holds grids or layers). */
export const MAX_FRAMES = 1441;
/** Most cells of a flood grid: 10 M (a 10 km x 10 km city at about 3 m; solver state ~40 B a cell). */
export const MAX_FLOOD_CELLS = 10_000_000;
/** Most flood cell-updates a run may take, estimated at 1 m of water: 2e10, ~8 min at 40 M/s. */
export const MAX_FLOOD_CELL_UPDATES = 2e10;
/** Most cells of a plume grid (4 M: 40 km x 40 km at 20 m). */
export const MAX_PLUME_CELLS = 4_000_000;
/** Most plume cell-steps a run may take at its strongest wind: 2e10. */
export const MAX_PLUME_CELL_STEPS = 2e10;

/** Frames of a run: time 0, every interval, and the end. */
export function frameCount(durationS: number, intervalS: number): number {
  return Math.ceil(durationS / intervalS - 1e-9) + 1;
}

/** Water depth (m) at which the flood work estimate takes its time step. */
export const NOMINAL_FLOOD_DEPTH_M = 1;

/** Flood cell-updates of a run: cells x steps, the step dt = cfl dx / sqrt(g h) at NOMINAL_FLOOD_DEPTH_M. */
export function floodCellUpdates(cells: number, cellSizeM: number, durationS: number, cfl = 0.6): number {
  const dtS = (cfl * cellSizeM) / Math.sqrt(9.81 * NOMINAL_FLOOD_DEPTH_M);
  return cells * Math.ceil(durationS / dtS);
}

/** Throws naming `what` when `durationS / intervalS` makes more than MAX_FRAMES frames. */
export function assertFrameCount(durationS: number, intervalS: number, what: string): void {
  const n = frameCount(durationS, intervalS);
  if (!(n <= MAX_FRAMES)) throw new Error(`${what}: durationS ${durationS} s at outputIntervalS ${intervalS} s makes ${n} frames; at most ${MAX_FRAMES} (use a longer interval)`);
}
