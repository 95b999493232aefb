import { Emitter } from '../../signs/events/Emitter';
import type { HubAlert } from '../state/HubAlert';
import type { HistoryClient } from './HistoryClient';

/** The hub's state at a past moment, as the store kept it. */
export interface ReplayState {
  atMs: number;
  /** Alerts open then, with their state then (raised or acknowledged). */
  alerts: HubAlert[];
  /** City-tier indicators then: kind -> value (null where no fresh sensor); empty before the first snapshot. */
  city: Map<string, number | null>;
  /** Time of the snapshot the indicators come from (within 5 minutes before atMs), null when none. */
  snapshotMs: number | null;
}

/** Replay speeds offered (simulated seconds per second). */
export const REPLAY_SPEEDS = [60, 600, 3600] as const;
/** How far back a replay reaches (ms): the store keeps raw readings for 24 h. */
export const REPLAY_SPAN_MS = 24 * 3_600_000;

/**
 * Replays the last 24 h from the hub's store: seek to a moment (the state then is fetched, the
 * latest request winning), or play forward at a speed (one step a second) until now. DOM-free:
 * the replay panel draws what it emits.
 */
export class HubReplay {
  readonly events = new Emitter<{ state: ReplayState; error: { atMs: number; message: string }; playing: { playing: boolean; speed: number } }>();
  private asked = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private position: number;
  speed: number = REPLAY_SPEEDS[1];

  constructor(private readonly history: HistoryClient, private readonly clock: () => number = Date.now) {
    this.position = clock() - 3_600_000;
  }

  get atMs(): number {
    return this.position;
  }

  get playing(): boolean {
    return this.timer !== null;
  }

  /** Shows the state at `atMs` (clamped to the last 24 h). */
  async seek(atMs: number): Promise<void> {
    const now = this.clock();
    this.position = Math.min(now, Math.max(now - REPLAY_SPAN_MS, atMs));
    const ask = ++this.asked, at = this.position;
    try {
      const s = await this.history.stateAt(at);
      if (ask !== this.asked) return;
      const city = s.indicators.find((i) => i.tier === 'city');
      this.events.emit('state', {
        atMs: at, alerts: s.alerts, snapshotMs: city?.tMs ?? null,
        city: new Map(city ? city.kinds.map((k, i) => [k, Number.isFinite(city.values[i]) ? city.values[i] : null]) : []),
      });
    } catch (err) {
      if (ask === this.asked) this.events.emit('error', { atMs: at, message: (err as Error).message });
    }
  }

  /** Plays forward at `speed` simulated seconds per second; stops by itself at now. */
  play(speed = this.speed): void {
    this.pause();
    this.speed = speed;
    this.timer = setInterval(() => {
      const next = this.position + this.speed * 1000;
      if (next >= this.clock()) this.pause();
      void this.seek(next);
    }, 1000);
    this.events.emit('playing', { playing: true, speed });
  }

  pause(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
    this.events.emit('playing', { playing: false, speed: this.speed });
  }

  dispose(): void {
    this.pause();
    this.asked++;
    this.events.dispose();
  }
}
