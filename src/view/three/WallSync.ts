/** Camera pose shared by the windows of one wall: position x, y, z (scene m), quaternion x, y, z, w, vertical fov (deg). */
export const POSE_LENGTH = 8;

type WallMessage =
  | { type: 'pose'; session: string; seq: number; pose: Float64Array }
  | { type: 'mode'; mode: string }
  | { type: 'hello' };

export interface WallSyncHandlers {
  /** A follower got the leader's camera pose (the array is reused: copy it). */
  onPose(pose: Float64Array, seq: number): void;
  onMode(mode: string): void;
}

/**
 * Keeps the windows of one wall in step over a BroadcastChannel (same origin, same browser): the
 * leader publishes its camera pose whenever it changes and its day/night mode; followers apply
 * them. A follower that starts late says hello and the leader repeats its state at once.
 */
export class WallSync {
  private readonly channel: BroadcastChannel;
  private readonly last = new Float64Array(POSE_LENGTH);
  private readonly received = new Float64Array(POSE_LENGTH);
  private seq = 0;
  /** Tells a restarted leader's poses (new session, seq from 1 again) from stale ones. */
  private readonly session = Math.random().toString(36).slice(2);
  private leaderSession = '';
  private mode = '';
  private hasPose = false;
  /** Poses sent (leader) or applied (follower). */
  count = 0;
  lastSeq = -1;

  constructor(wallName: string, readonly isLeader: boolean, private readonly handlers: WallSyncHandlers) {
    this.channel = new BroadcastChannel(`rongcheng-wall:${wallName}`);
    this.channel.onmessage = (e: MessageEvent<WallMessage>) => this.receive(e.data);
    if (!isLeader) this.channel.postMessage({ type: 'hello' } satisfies WallMessage);
  }

  private receive(m: WallMessage): void {
    if (this.isLeader) {
      if (m.type === 'hello') this.resend();
      return;
    }
    if (m.type === 'pose') {
      if (m.session === this.leaderSession && m.seq <= this.lastSeq) return;
      this.leaderSession = m.session;
      this.received.set(m.pose);
      this.lastSeq = m.seq;
      this.count++;
      this.handlers.onPose(this.received, m.seq);
    } else if (m.type === 'mode') this.handlers.onMode(m.mode);
  }

  /** Leader: publishes the pose if it differs from the last one sent (call once per frame). */
  publishPose(pose: ArrayLike<number>): boolean {
    if (!this.isLeader) return false;
    let same = this.hasPose;
    for (let i = 0; i < POSE_LENGTH && same; i++) same = Math.abs(pose[i] - this.last[i]) < 1e-6;
    if (same) return false;
    for (let i = 0; i < POSE_LENGTH; i++) this.last[i] = pose[i];
    this.hasPose = true;
    this.channel.postMessage({ type: 'pose', session: this.session, seq: ++this.seq, pose: this.last } satisfies WallMessage);
    this.count++;
    this.lastSeq = this.seq;
    return true;
  }

  publishMode(mode: string): void {
    this.mode = mode;
    if (this.isLeader) this.channel.postMessage({ type: 'mode', mode } satisfies WallMessage);
  }

  private resend(): void {
    if (this.hasPose) this.channel.postMessage({ type: 'pose', session: this.session, seq: this.seq, pose: this.last } satisfies WallMessage);
    if (this.mode) this.channel.postMessage({ type: 'mode', mode: this.mode } satisfies WallMessage);
  }

  dispose(): void {
    this.channel.onmessage = null;
    this.channel.close();
  }
}
