import { describe, expect, it } from 'vitest';
import { OverlayMirror, type MirrorChannel } from './OverlayMirror';
import { OverlayModel } from './OverlayModel';

/** Two ends of an in-memory broadcast channel: each posts to the other, synchronously, cloned. */
function pair(): [MirrorChannel, MirrorChannel] {
  const a: MirrorChannel = { onmessage: null, postMessage: (m) => b.onmessage?.({ data: structuredClone(m) }), close: () => {} };
  const b: MirrorChannel = { onmessage: null, postMessage: (m) => a.onmessage?.({ data: structuredClone(m) }), close: () => {} };
  return [a, b];
}

describe('OverlayMirror', () => {
  it('mirrors shared layers only, answers a late hello with all of them, and follows removals', () => {
    const [ca, cb] = pair();
    const workspace = new OverlayModel(), wall = new OverlayModel();
    const send = new OverlayMirror(workspace, ca, 'send');
    workspace.set('coverage', { kind: 'buildingColors', rgba: new Uint8Array([1, 2, 3, 255]) }, { share: true });
    workspace.set('pick', { kind: 'featureColors', colors: new Map([['B1', '#ffe066']]) });
    const receive = new OverlayMirror(wall, cb, 'receive'); // late: its hello gets the coverage
    expect(wall.ids()).toEqual(['coverage']);
    expect(Array.from((wall.get('coverage') as { rgba: Uint8Array }).rgba)).toEqual([1, 2, 3, 255]);
    workspace.remove('coverage');
    expect(wall.ids()).toEqual([]);
    cb.onmessage?.({ data: { type: 'set', id: 'x', layer: { kind: 'nonsense' } } });
    expect(receive.malformed).toBe(1);
    send.dispose();
    receive.dispose();
  });
});
