import type { FloodRunMessage } from '../../../hub/runs/floodRunMessage';
import type { Feature } from '../../host/Feature';
import type { FeatureHost } from '../../host/FeatureHost';
import { publishHubRun } from '../hubRuns/publishHubRun';
import type { LiveSigns, LiveSignsFeature } from '../liveSigns/LiveSignsFeature';
import type { FloodWhatIfFeature } from './FloodWhatIfFeature';

/** Frame changes published at most this often (ms): a slider dragged fast sends its last position. */
const FRAME_EVERY_MS = 250;

/**
 * Sends the flood what-if this workspace shows to walls on other machines through the hub's broker:
 * the scenario and the frame shown, retained on `hub/<city>/runs/flood` (withdrawn with an empty
 * retained message), so a wall opened later gets it too. Only for accounts the hub lets act (an
 * operator); a viewer's runs stay on this machine's BroadcastChannel, and the panel says so.
 */
export class FloodHubRelayFeature implements Feature {
  readonly name = 'floodHubRelay';
  private readonly offs: Array<() => void> = [];
  private current: FloodRunMessage | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Messages published, for tests and the console. */
  published = 0;

  constructor(private readonly live: LiveSignsFeature, private readonly flood: FloodWhatIfFeature) {}

  init(host: FeatureHost): void {
    this.live.whenLive((signs) => {
      this.offs.push(
        this.flood.shown.subscribe('run', ({ run, scenario }) => { this.current = { v: 1, run, scenario, frame: null, by: signs.session.current?.account.username ?? '', atMs: Date.now() }; this.send(host, signs); }),
        this.flood.shown.subscribe('frame', (frame) => { if (this.current) { this.current = { ...this.current, frame, atMs: Date.now() }; this.later(host, signs); } }),
        this.flood.shown.subscribe('clear', ({ run }) => { if (this.current?.run === run) { this.current = null; this.send(host, signs); } }),
      );
    });
    host.expose('floodRelay', this);
  }

  private later(host: FeatureHost, signs: LiveSigns): void {
    this.timer ??= setTimeout(() => { this.timer = null; this.send(host, signs); }, FRAME_EVERY_MS);
  }

  private send(host: FeatureHost, signs: LiveSigns): void {
    publishHubRun(signs, 'flood', this.current)
      .then((sent) => { if (sent) { this.published++; host.announce('floodRelayed', String(this.published)); } })
      .catch((err: Error) => host.status(`Flood run not sent to other walls: ${err.message}`));
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    if (this.timer) clearTimeout(this.timer);
  }
}
