import type { MirrorChannel } from '../../../view/overlay/OverlayMirror';

/** A clipping plane in the city's ENU frame: points with normal·p + distance >= 0 are kept. */
export interface EnuPlane { normalEnu: [number, number, number]; distanceEnu: number }

/**
 * What the workspace's analysis tools set on the views beyond the overlay layers: the sun's
 * instant (shadows, lighting) and a section (clipping planes; `intersect`: a point is cut only
 * when it is outside every plane, e.g. the floors above N of one building).
 */
export interface AnalysisViewState {
  sunTimeMs: number | null;
  section: { planes: EnuPlane[]; intersect: boolean } | null;
}

type Message = { type: 'hello' } | { type: 'state'; state: Partial<AnalysisViewState> };

/** The channel name of a city's analysis view state. */
export const analysisChannelName = (city: string) => `rongcheng-analysis:${city}`;

/**
 * Carries the analysis view state from the workspace to the city's wall windows (over a
 * BroadcastChannel, like the overlay mirror). Each sender (the sun tool, the section tool) owns
 * its part of the state: it posts each change of it and answers a late window's hello with it; a
 * receiver merges every well-formed part into its state, hands it to `apply`, and ignores the rest.
 */
export class AnalysisChannel {
  private state: Partial<AnalysisViewState> = {};
  private merged: AnalysisViewState = { sunTimeMs: null, section: null };
  /** Messages a receiver ignored as malformed. */
  malformed = 0;

  constructor(private readonly channel: MirrorChannel, readonly role: 'send' | 'receive', private readonly apply: (s: AnalysisViewState) => void = () => {}) {
    channel.onmessage = (e) => this.onMessage(e.data as Message | null);
    if (role === 'receive') channel.postMessage({ type: 'hello' } satisfies Message);
  }

  /** Sender: changes its part of the state and posts it. */
  update(change: Partial<AnalysisViewState>): void {
    this.state = { ...this.state, ...change };
    this.channel.postMessage({ type: 'state', state: change } satisfies Message);
  }

  private onMessage(m: Message | null): void {
    if (this.role === 'send') {
      if (m?.type === 'hello') this.channel.postMessage({ type: 'state', state: this.state } satisfies Message);
      return;
    }
    if (m?.type === 'state' && isState(m.state)) {
      this.merged = { ...this.merged, ...m.state };
      this.apply(this.merged);
    } else if (m?.type !== 'hello') this.malformed++;
  }

  dispose(): void {
    this.channel.onmessage = null;
    this.channel.close();
  }
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isState(s: Partial<AnalysisViewState> | undefined): boolean {
  if (!s || typeof s !== 'object' || (s.sunTimeMs !== undefined && s.sunTimeMs !== null && !isNum(s.sunTimeMs))) return false;
  if (s.section === undefined || s.section === null) return true;
  return Array.isArray(s.section?.planes) && s.section.planes.length <= 16 && s.section.planes.every((p) => Array.isArray(p?.normalEnu) && p.normalEnu.length === 3 && p.normalEnu.every(isNum) && isNum(p.distanceEnu));
}
