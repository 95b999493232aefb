import type { FloodRunMessage } from '../../../hub/runs/floodRunMessage';
import type { FloodReceiverHandlers } from '../../../sim/flood/FloodReceiver';
import type { FloodFrame } from '../../../sim/flood/runFlood';
import { SimClient } from '../../../../workers/simClient';

/**
 * A flood what-if that reached this wall through the hub (`hub/<city>/runs/flood`): the workspace
 * sent the scenario and the frame it shows, not the water, so the wall runs the same scenario in
 * its own sim worker (one thread: the same bits as the workspace's band workers, tested) and shows
 * the frame asked for once it is computed. A run this page already gets over its BroadcastChannel
 * (same machine) is left to that.
 */
export class RemoteFloodRun {
  private client: SimClient | null = null;
  private run: string | null = null;
  private frames: FloodFrame[] = [];
  private want: number | null = null;
  private abort: AbortController | null = null;
  /** Runs computed here, for tests and the console. */
  computed = 0;

  constructor(private readonly handlers: FloodReceiverHandlers & { onError(message: string): void }, private readonly localRun: () => string | null) {}

  /** Follows a runs/flood message (null: withdrawn). */
  take(m: FloodRunMessage | null): void {
    if (m === null) {
      if (this.run) { this.stop(); this.handlers.onClear(); }
      return;
    }
    if (m.run === this.localRun()) return;
    if (m.run !== this.run) this.start(m);
    this.want = m.frame?.index ?? null;
    this.showWanted();
  }

  /** Stops a run being computed (the page's own channel took over, or the feature goes). */
  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.run = null;
    this.frames = [];
  }

  private start(m: FloodRunMessage): void {
    if (this.run) this.handlers.onClear();
    this.stop();
    const abort = (this.abort = new AbortController()), run = (this.run = m.run);
    const scenario = { ...m.scenario, solver: { ...(m.scenario.solver as object | undefined), workers: 1 } };
    this.client ??= new SimClient();
    this.client.runFlood(scenario, {
      signal: abort.signal, workers: 1, file: `flood run ${run} from the hub`,
      onSetup: (info) => { if (this.run === run) this.handlers.onSetup(run, info.grid, info.bedM); },
      onFrame: (f) => { if (this.run !== run) return; this.frames.push(f); this.showWanted(); },
    }).then(() => { if (this.run === run) this.computed++; }, (err: Error) => { if (err.name !== 'AbortError' && this.run === run) this.handlers.onError(err.message); });
  }

  private showWanted(): void {
    const f = this.want === null ? undefined : this.frames[this.want];
    if (f) this.handlers.onFrame({ index: this.want!, timeS: f.timeS, depthM: f.depthM });
  }

  dispose(): void {
    this.stop();
    this.client?.dispose();
  }
}
