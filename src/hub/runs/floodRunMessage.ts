import { readRunPayload } from './readRunPayload';

/**
 * A flood what-if shown on a workspace, as it travels to walls on other machines through the hub's
 * broker (retained on `hub/<city>/runs/flood`; an empty retained payload withdraws it). Not the
 * water itself (a frame of 200 x 200 cells is 160 KB, a run a dozen frames): the scenario the
 * workspace ran and the frame it shows. The solver gives the same bits on every machine and any
 * number of band workers (tested), so a wall runs the scenario itself and shows the same water.
 */
export interface FloodRunMessage {
  v: 1;
  /** The run's id (the same as on the page's BroadcastChannel, so a wall beside it takes it once). */
  run: string;
  /** The flood scenario JSON the workspace ran. */
  scenario: Record<string, unknown>;
  /** The output frame shown now (index and simulated time, s), null until the first one. */
  frame: { index: number; timeS: number } | null;
  /** Who published it, and when (epoch ms). */
  by: string;
  atMs: number;
}

/** The largest message taken (bytes): a flood scenario is a few hundred bytes. */
export const MAX_FLOOD_RUN_BYTES = 16_384;

/** Reads a runs/flood payload: the message, null for a withdrawal (empty), or the reason it is refused. */
export function parseFloodRunMessage(payload: Uint8Array | string): FloodRunMessage | null | { error: string } {
  const read = readRunPayload('flood', payload, MAX_FLOOD_RUN_BYTES);
  if (read === null || 'error' in read) return read;
  const v = read.value;
  const o = v as Partial<FloodRunMessage> | null;
  if (!o || typeof o !== 'object' || o.v !== 1) return { error: 'runs/flood: /v: expected 1' };
  if (typeof o.run !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(o.run)) return { error: 'runs/flood: /run: expected an id of 1-64 letters, digits, - or _' };
  if (!o.scenario || typeof o.scenario !== 'object' || Array.isArray(o.scenario) || o.scenario.kind !== 'flood') return { error: 'runs/flood: /scenario: expected a flood scenario object' };
  const f = o.frame;
  if (f !== null && !(f && Number.isInteger(f.index) && f.index >= 0 && f.index < 10_000 && Number.isFinite(f.timeS))) return { error: 'runs/flood: /frame: expected null or { index (0-9999), timeS }' };
  if (typeof o.by !== 'string' || !Number.isFinite(o.atMs)) return { error: 'runs/flood: /by, /atMs: expected the publisher and a time' };
  return o as FloodRunMessage;
}
