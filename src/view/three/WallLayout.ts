/** Where one window sits on a wall of cols x rows equal windows (row 0 at the top). */
export interface WallLayout {
  cols: number;
  rows: number;
  col: number;
  row: number;
  /** Row-major index of this window: row * cols + col. */
  tile: number;
  /** The window that leads the camera (others follow it). */
  leader: number;
  isLeader: boolean;
}

/**
 * Reads a wall layout from URL parameters: `wall=CxR` (default 1x1), `tile=I` (row-major, default 0),
 * `lead=I` (default 0). Throws naming the parameter on a bad value.
 */
export function parseWallLayout(params: URLSearchParams): WallLayout {
  const wall = params.get('wall') ?? '1x1';
  const m = /^(\d{1,2})x(\d{1,2})$/.exec(wall);
  if (!m || +m[1] < 1 || +m[2] < 1) throw new Error(`URL parameter "wall" must be COLSxROWS, e.g. 2x1 (got '${wall}')`);
  const cols = +m[1], rows = +m[2];
  const index = (name: string): number => {
    const raw = params.get(name) ?? '0';
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n >= cols * rows) throw new Error(`URL parameter "${name}" must be a window index 0..${cols * rows - 1} (got '${raw}')`);
    return n;
  };
  const tile = index('tile'), leader = index('lead');
  return { cols, rows, col: tile % cols, row: Math.floor(tile / cols), tile, leader, isLeader: tile === leader };
}

/** The camera view offset of a window of `widthPx` x `heightPx` CSS pixels: its part of the whole wall. */
export function viewOffsetOf(l: WallLayout, widthPx: number, heightPx: number): { fullWidth: number; fullHeight: number; x: number; y: number } {
  return { fullWidth: widthPx * l.cols, fullHeight: heightPx * l.rows, x: widthPx * l.col, y: heightPx * l.row };
}
