import { assertRasterGrid, type RasterGrid } from '../core/RasterGrid';

/**
 * How a flood run in one page (the workspace) reaches the other pages of the same origin that
 * draw it (wall windows), over a BroadcastChannel per city:
 *
 * - `hello` (viewer -> all): a viewer started; the publisher answers with its setup and shown frame.
 * - `setup` (publisher): a new run: the grid's extent and its bed heights (m). `run` names the run.
 * - `frame` (publisher): the frame the publisher shows now (a new output, or the time slider moved).
 * - `clear` (publisher): the run is gone (cleared or replaced); viewers remove its water.
 *
 * Typed arrays travel by structured clone; nothing here touches the DOM.
 */
export type FloodMessage =
  | { type: 'hello' }
  | { type: 'setup'; run: string; grid: RasterGrid; bedM: Float32Array }
  | { type: 'frame'; run: string; index: number; timeS: number; depthM: Float32Array }
  | { type: 'clear'; run: string };

/** The BroadcastChannel name of a city's flood runs (every workspace and wall of that city shares it). */
export function floodChannelName(cityName: string): string {
  return `rongcheng-flood:${cityName}`;
}

/** Largest grid a message may announce (cells): the whole demo city at 5 m is 3.24 M. */
export const MAX_BROADCAST_CELLS = 1 << 24;

export type FloodMessageCheck = { ok: true; message: FloodMessage } | { ok: false; error: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFloat32Array = (v: unknown): v is Float32Array => Object.prototype.toString.call(v) === '[object Float32Array]';

/**
 * Checks a message received on the channel. Never throws: a malformed message comes back as
 * `{ ok: false, error }` naming the field and what was expected. A frame's length is checked
 * against its run's grid by the receiver (the message alone does not know it).
 */
export function checkFloodMessage(data: unknown): FloodMessageCheck {
  if (!isRecord(data)) return bad(`message must be an object, got ${describe(data)}`);
  const type = data.type;
  if (type === 'hello') return { ok: true, message: { type } };
  if (type !== 'setup' && type !== 'frame' && type !== 'clear') return bad(`type must be hello, setup, frame or clear, got ${describe(type)}`);
  const run = data.run;
  if (typeof run !== 'string' || run.length === 0 || run.length > 200) return bad(`${type}.run must be a non-empty string of at most 200 characters, got ${describe(run)}`);
  if (type === 'clear') return { ok: true, message: { type, run } };
  if (type === 'setup') return checkSetup(run, data.grid, data.bedM);
  const { index, timeS, depthM } = data;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) return bad(`frame.index must be an integer >= 0, got ${describe(index)}`);
  if (typeof timeS !== 'number' || !Number.isFinite(timeS) || timeS < 0) return bad(`frame.timeS must be a finite number >= 0, got ${describe(timeS)}`);
  if (!isFloat32Array(depthM)) return bad(`frame.depthM must be a Float32Array, got ${describe(depthM)}`);
  return { ok: true, message: { type, run, index, timeS, depthM } };
}

function checkSetup(run: string, grid: unknown, bedM: unknown): FloodMessageCheck {
  if (!isRecord(grid)) return bad(`setup.grid must be an object, got ${describe(grid)}`);
  const header = {
    originLonDeg: grid.originLonDeg, originLatDeg: grid.originLatDeg, xMinM: grid.xMinM, yMinM: grid.yMinM,
    cellSizeM: grid.cellSizeM, width: grid.width, height: grid.height,
  } as RasterGrid;
  try {
    assertRasterGrid(header, 'setup.grid');
  } catch (e) {
    return bad((e as Error).message);
  }
  const cells = header.width * header.height;
  if (cells > MAX_BROADCAST_CELLS) return bad(`setup.grid: width x height must be at most ${MAX_BROADCAST_CELLS} cells, got ${cells}`);
  if (!isFloat32Array(bedM)) return bad(`setup.bedM must be a Float32Array, got ${describe(bedM)}`);
  if (bedM.length !== cells) return bad(`setup.bedM must hold width x height = ${cells} values, got ${bedM.length}`);
  return { ok: true, message: { type: 'setup', run, grid: header, bedM } };
}

const bad = (error: string): FloodMessageCheck => ({ ok: false, error });

function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'string') return `'${v.length > 40 ? v.slice(0, 40) + '…' : v}'`;
  if (typeof v === 'object') return Object.prototype.toString.call(v).slice(8, -1);
  return `${typeof v} ${String(v)}`;
}
