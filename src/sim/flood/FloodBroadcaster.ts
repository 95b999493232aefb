import { rasterHeader, type RasterGrid } from '../core/RasterGrid';
import { checkFloodMessage, type FloodMessage } from './floodBroadcastProtocol';

/**
 * The publishing end of a city's flood channel (see floodBroadcastProtocol): the page that runs
 * the flood announces each run, posts the frame it shows whenever that changes, and answers a
 * viewer's hello with the run's setup and the shown frame. It keeps references to the arrays it
 * was given (they are cloned when posted): callers must not change them afterwards.
 */
export class FloodBroadcaster {
  private readonly channel: BroadcastChannel;
  /** Tells this page's runs from another page's. */
  private readonly session = Math.random().toString(36).slice(2);
  private runs = 0;
  private setupMessage: Extract<FloodMessage, { type: 'setup' }> | null = null;
  private shown: Extract<FloodMessage, { type: 'frame' }> | null = null;
  /** Messages posted, and hellos answered (for tests and the console). */
  posted = 0;
  hellos = 0;
  private closed = false;

  constructor(channelName: string) {
    this.channel = new BroadcastChannel(channelName);
    this.channel.onmessage = (e: MessageEvent<unknown>) => {
      const c = checkFloodMessage(e.data);
      if (c.ok && c.message.type === 'hello') this.answerHello();
    };
  }

  /** The name of the run now published, or null. */
  get run(): string | null {
    return this.setupMessage?.run ?? null;
  }

  /** Announces a new run (clearing the previous one): its grid and bed heights (m, width x height cells, row 0 south). */
  setup(grid: RasterGrid, bedM: Float32Array): void {
    if (bedM.length !== grid.width * grid.height) throw new Error(`bedM must hold width x height = ${grid.width * grid.height} values, got ${bedM.length}`);
    this.clear();
    this.setupMessage = { type: 'setup', run: `${this.session}-${++this.runs}`, grid: rasterHeader(grid), bedM };
    this.post(this.setupMessage);
  }

  /** Publishes the frame shown now: output `index` at simulated `timeS` (s) with its depths (m per cell). */
  show(index: number, timeS: number, depthM: Float32Array): void {
    const setup = this.setupMessage;
    if (!setup) throw new Error('FloodBroadcaster.show: call setup() first');
    if (depthM.length !== setup.bedM.length) throw new Error(`depthM must hold ${setup.bedM.length} values (the setup's grid), got ${depthM.length}`);
    this.shown = { type: 'frame', run: setup.run, index, timeS, depthM };
    this.post(this.shown);
  }

  /** Withdraws the run (if any): viewers remove its water. */
  clear(): void {
    if (!this.setupMessage) return;
    this.post({ type: 'clear', run: this.setupMessage.run });
    this.setupMessage = null;
    this.shown = null;
  }

  private answerHello(): void {
    this.hellos++;
    if (this.setupMessage) this.post(this.setupMessage);
    if (this.shown) this.post(this.shown);
  }

  private post(m: FloodMessage): void {
    if (this.closed) return;
    this.channel.postMessage(m);
    this.posted++;
  }

  /** Closes the channel; the run stays on the viewers (call clear() first to remove it). Safe twice. */
  dispose(): void {
    this.closed = true;
    this.channel.onmessage = null;
    this.channel.close();
  }
}
