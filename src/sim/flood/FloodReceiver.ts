import type { RasterGrid } from '../core/RasterGrid';
import { checkFloodMessage, type FloodMessage } from './floodBroadcastProtocol';

export interface FloodReceiverHandlers {
  /** A new run: its grid and bed heights (m). The previous run, if any, was cleared first. */
  onSetup(run: string, grid: RasterGrid, bedM: Float32Array): void;
  /** The publisher shows this frame now. */
  onFrame(frame: { index: number; timeS: number; depthM: Float32Array }): void;
  /** The run shown was withdrawn. */
  onClear(): void;
}

/**
 * The viewing end of a city's flood channel (see floodBroadcastProtocol): says hello when it
 * starts (a publisher answers with its run's setup and the frame it shows), then follows setups,
 * frames and clears. Malformed messages are counted and ignored (`malformed`, `lastError`);
 * frames of a run it has no setup for are counted as `stale` and ignored.
 */
export class FloodReceiver {
  private readonly channel: BroadcastChannel;
  private current: { run: string; cells: number } | null = null;
  /** Frames shown, setups taken, malformed and stale messages ignored. */
  frames = 0;
  setups = 0;
  malformed = 0;
  stale = 0;
  lastError = '';

  constructor(channelName: string, private readonly handlers: FloodReceiverHandlers) {
    this.channel = new BroadcastChannel(channelName);
    this.channel.onmessage = (e: MessageEvent<unknown>) => this.receive(e.data);
    this.channel.postMessage({ type: 'hello' } satisfies FloodMessage);
  }

  /** The run shown now, or null. */
  get run(): string | null {
    return this.current?.run ?? null;
  }

  /** Handles one message as it came off the channel. */
  private receive(data: unknown): void {
    const c = checkFloodMessage(data);
    if (!c.ok) {
      this.malformed++;
      this.lastError = c.error;
      return;
    }
    const m = c.message;
    if (m.type === 'setup') {
      // Every viewer's hello makes the publisher repeat its setup: take a run once.
      if (m.run === this.current?.run) return;
      if (this.current) this.handlers.onClear();
      this.current = { run: m.run, cells: m.bedM.length };
      this.setups++;
      this.handlers.onSetup(m.run, m.grid, m.bedM);
    } else if (m.type === 'frame') {
      if (m.run !== this.current?.run) { this.stale++; return; }
      if (m.depthM.length !== this.current.cells) {
        this.malformed++;
        this.lastError = `frame.depthM must hold ${this.current.cells} values (the run's grid), got ${m.depthM.length}`;
        return;
      }
      this.frames++;
      this.handlers.onFrame({ index: m.index, timeS: m.timeS, depthM: m.depthM });
    } else if (m.type === 'clear') {
      if (m.run !== this.current?.run) return;
      this.current = null;
      this.handlers.onClear();
    }
  }

  /** Closes the channel; removes its listener. Safe twice. */
  dispose(): void {
    this.channel.onmessage = null;
    this.channel.close();
  }
}
