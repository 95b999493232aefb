import type { FloodRunMessage } from '../runs/floodRunMessage';
import type { ImpassablePoint } from '../../sim/flood/impassableRoadPoints';
import { FLOOD_DEPTH_RANGE_M } from './closureCommand';

/** One output frame of a flood run: its simulated time (s) and its road samples deeper than the depth asked. */
export interface FloodRoadFrame {
  timeS: number;
  points: ImpassablePoint[];
}

/**
 * Runs a flood scenario and returns, per output frame, its road samples deeper than `minDepthM`
 * (with their depth). The hub's is runFloodScenario on its city package, on one thread.
 */
export type FloodRoadDepths = (scenario: Record<string, unknown>, minDepthM: number, signal: AbortSignal) => Promise<FloodRoadFrame[]>;

/** A frame's flooded road samples, or why there are none to take. */
export type FloodSamples = { points: Array<[number, number]>; timeS: number; frameIndex: number } | { refused: string };

/**
 * The flood run published on `hub/<city>/runs/flood` (the one every wall shows) and, once asked, its
 * road samples per frame: the hub runs the same scenario itself (the solver gives the same bits on
 * every machine) at the shallowest depth a closure may ask for, so any depth and frame of that
 * run is answered from memory afterwards. Only the current run is kept; a new one (or its
 * withdrawal) stops a computation under way.
 */
export class FloodRoads {
  private current: FloodRunMessage | null = null;
  private computed: { run: string; frames: Promise<FloodRoadFrame[]>; abort: AbortController } | null = null;
  /** Runs computed, for tests and the status. */
  runs = 0;

  constructor(private readonly depths: FloodRoadDepths | null) {}

  /** The run on runs/flood now (null: withdrawn). */
  take(m: FloodRunMessage | null): void {
    this.current = m;
    if (this.computed && this.computed.run !== m?.run) { this.computed.abort.abort(); this.computed = null; }
  }

  /** The samples of `run` at `frameIndex` (default the frame it shows) deeper than depthM. */
  async samples(run: string, frameIndex: number | undefined, depthM: number): Promise<FloodSamples> {
    const m = this.current;
    if (!this.depths) return { refused: 'this hub cannot run floods (no city package)' };
    if (!m) return { refused: 'no flood run is published on runs/flood' };
    if (m.run !== run) return { refused: `flood run ${run} is not the one published on runs/flood (${m.run})` };
    const index = frameIndex ?? m.frame?.index;
    if (index === undefined) return { refused: `flood run ${run} shows no frame yet: give frameIndex` };
    if (!this.computed) {
      const abort = new AbortController();
      this.computed = { run, abort, frames: this.depths(m.scenario, FLOOD_DEPTH_RANGE_M[0], abort.signal) };
      this.computed.frames.then(() => { this.runs++; }, () => { if (this.computed?.abort === abort) this.computed = null; });
    }
    const { frames: computing, abort } = this.computed;
    let frames: FloodRoadFrame[];
    try {
      frames = await computing;
    } catch (err) {
      return { refused: abort.signal.aborted ? `flood run ${run} was withdrawn or replaced on runs/flood while the hub computed it` : `flood run ${run} could not be computed: ${(err as Error).message}` };
    }
    const f = frames[index];
    if (!f) return { refused: `flood run ${run} has ${frames.length} frames: no frame ${index}` };
    return { frameIndex: index, timeS: f.timeS, points: f.points.filter((p) => p.depthM > depthM).map((p) => [p.lonDeg, p.latDeg]) };
  }

  /** Stops a computation under way. Safe twice. */
  stop(): void {
    this.computed?.abort.abort();
    this.computed = null;
  }
}
