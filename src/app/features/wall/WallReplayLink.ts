type ReplayMessage = { type: 'at'; atMs: number; from: string } | { type: 'live'; from: string };

/** The channel name of a wall's replay (one wall across several windows). */
export const wallReplayChannel = (wallName: string) => `rongcheng-wall-replay:${wallName}`;

/**
 * Keeps the windows of one wall in the same replay over a BroadcastChannel: the window someone
 * works (key R, its slider, Play) drives and posts each moment it shows, or 'live' when it goes
 * back; the others follow (they open their replay at that moment, fetch the state themselves and
 * post nothing until someone works them). Messages from this window are ignored.
 */
export class WallReplayLink {
  private readonly channel: BroadcastChannel;
  private readonly id = Math.random().toString(36).slice(2);
  /** True while this window drives (someone worked it last). */
  driving = false;

  constructor(wallName: string, private readonly on: { at(atMs: number): void; live(): void }) {
    this.channel = new BroadcastChannel(wallReplayChannel(wallName));
    this.channel.onmessage = (e: MessageEvent<ReplayMessage>) => this.receive(e.data);
  }

  private receive(m: ReplayMessage): void {
    if (!m || m.from === this.id) return;
    this.driving = false;
    if (m.type === 'at' && Number.isFinite(m.atMs)) this.on.at(m.atMs);
    else if (m.type === 'live') this.on.live();
  }

  /** Posts the moment shown (a number) or 'live' (null) to the other windows, while this one drives. */
  post(atMs: number | null): void {
    if (!this.driving) return;
    this.channel.postMessage((atMs === null ? { type: 'live', from: this.id } : { type: 'at', atMs, from: this.id }) satisfies ReplayMessage);
  }

  dispose(): void {
    this.channel.onmessage = null;
    this.channel.close();
  }
}
