import type { OverlayModel } from './OverlayModel';
import type { OverlayLayer } from './overlayLayers';

/** A message channel between the displays of one city (a BroadcastChannel fits). */
export interface MirrorChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

type MirrorMessage = { type: 'hello' } | { type: 'set'; id: string; layer: OverlayLayer } | { type: 'remove'; id: string };

/** The channel name of a city's overlay mirror. */
export const overlayMirrorChannel = (city: string) => `rongcheng-overlay:${city}`;

/**
 * Mirrors the shared layers of one display's overlay model (set with `{ share: true }`: coverage,
 * scenario results) into the overlay models of the city's other displays, e.g. the wall. The
 * sender posts every change of a shared layer and answers a late display's hello with all of
 * them; a receiver applies them (validated by its model: a malformed message is counted and
 * dropped) and says hello when it starts.
 */
export class OverlayMirror {
  /** Messages a receiver dropped as malformed. */
  malformed = 0;
  /** Layers applied by a receiver. */
  applied = 0;
  private readonly sent = new Set<string>();
  private readonly off: (() => void) | null = null;

  constructor(private readonly model: OverlayModel, private readonly channel: MirrorChannel, readonly role: 'send' | 'receive') {
    channel.onmessage = (e) => this.onMessage(e.data);
    if (role === 'send') {
      this.off = model.subscribe((c) => {
        if (!c.removed && model.isShared(c.id)) this.post(c.id);
        else if (this.sent.delete(c.id)) channel.postMessage({ type: 'remove', id: c.id } satisfies MirrorMessage);
      });
    } else {
      channel.postMessage({ type: 'hello' } satisfies MirrorMessage);
    }
  }

  private post(id: string): void {
    const layer = this.model.get(id);
    if (!layer) return;
    this.sent.add(id);
    this.channel.postMessage({ type: 'set', id, layer } satisfies MirrorMessage);
  }

  private onMessage(data: unknown): void {
    const m = data as Partial<MirrorMessage> | null;
    if (this.role === 'send') {
      if (m?.type === 'hello') for (const id of this.model.ids()) if (this.model.isShared(id)) this.post(id);
      return;
    }
    try {
      if (m?.type === 'set' && typeof m.id === 'string') { this.model.set(m.id, m.layer as OverlayLayer); this.applied++; }
      else if (m?.type === 'remove' && typeof m.id === 'string') this.model.remove(m.id);
      else if (m?.type !== 'hello') throw new Error('unknown message');
    } catch {
      this.malformed++;
    }
  }

  dispose(): void {
    this.off?.();
    this.channel.onmessage = null;
    this.channel.close();
  }
}
