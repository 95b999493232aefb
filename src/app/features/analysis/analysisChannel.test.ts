import { describe, expect, it } from 'vitest';
import { AnalysisChannel, type AnalysisViewState } from './analysisChannel';
import type { MirrorChannel } from '../../../view/overlay/OverlayMirror';

/** Two ends of an in-memory broadcast channel. */
function pair(): [MirrorChannel, MirrorChannel] {
  const make = (): MirrorChannel & { peer?: MirrorChannel } => ({ onmessage: null, close() {}, postMessage(m) { this.peer?.onmessage?.({ data: structuredClone(m) }); } });
  const a = make(), b = make();
  a.peer = b; b.peer = a;
  return [a, b];
}

describe('AnalysisChannel', () => {
  it('gives a late wall window the current sun and section, then every change', () => {
    const [a, b] = pair();
    const sender = new AnalysisChannel(a, 'send');
    sender.update({ sunTimeMs: Date.UTC(2026, 0, 20, 2) });
    const seen: AnalysisViewState[] = [];
    const receiver = new AnalysisChannel(b, 'receive', (s) => seen.push(s));
    expect(seen).toEqual([{ sunTimeMs: Date.UTC(2026, 0, 20, 2), section: null }]);
    // A second sender on the page (the section tool) owns another part of the state.
    sender.update({ sunTimeMs: Date.UTC(2026, 0, 20, 2) });
    seen.pop();
    sender.update({ section: { planes: [{ normalEnu: [0, 0, -1], distanceEnu: 520 }], intersect: false } });
    expect(seen[1].section?.planes[0].distanceEnu).toBe(520);
    expect(seen[1].sunTimeMs).toBe(Date.UTC(2026, 0, 20, 2));
    b.onmessage?.({ data: { type: 'state', state: { sunTimeMs: 'noon', section: null } } });
    b.onmessage?.({ data: { type: 'state', state: { sunTimeMs: null, section: { planes: [{ normalEnu: [0, 1], distanceEnu: 1 }], intersect: true } } } });
    expect(receiver.malformed).toBe(2);
    expect(seen).toHaveLength(2);
  });
});
