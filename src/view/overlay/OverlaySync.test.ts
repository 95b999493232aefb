import { describe, expect, it } from 'vitest';
import type { OverlayImplFactories, OverlayLayerImpl } from './OverlayAdapter';
import { OverlayModel } from './OverlayModel';
import { OverlaySync } from './OverlaySync';

/** Records the lifecycle calls of every implementation it makes. */
function recorder() {
  const log: string[] = [];
  const make = (id: string): OverlayLayerImpl<never> => ({
    initialize: () => log.push(`init ${id}`),
    update: (l: { kind: string }) => log.push(`update ${id} ${l.kind}`),
    activate: () => log.push(`activate ${id}`),
    deactivate: () => log.push(`deactivate ${id}`),
    destroy: () => log.push(`destroy ${id}`),
  });
  const factories = { featureColors: make, points: make, lines: make, polygons: make, heatGrid: make, labels: make } as unknown as OverlayImplFactories;
  return { log, factories };
}

const label = (text: string) => ({ kind: 'labels' as const, labels: [{ id: 'l', lonDeg: 104, latDeg: 30, text, color: '#fff' }] });

describe('OverlaySync', () => {
  it('redoes only the layers whose version changed, at sync time', () => {
    const { log, factories } = recorder();
    const m = new OverlayModel();
    m.set('a', label('A'));
    let dirtyCalls = 0;
    const sync = new OverlaySync(factories, () => dirtyCalls++);
    sync.attach(m);
    expect(sync.pending).toBe(true);
    expect(sync.sync()).toBe(1);
    expect(log.splice(0)).toEqual(['init a', 'update a labels', 'activate a']);
    m.set('b', label('B'));
    m.set('b', label('B2'));
    expect(log).toEqual([]);
    expect(sync.sync()).toBe(1);
    expect(log.splice(0)).toEqual(['init b', 'update b labels', 'activate b']);
    expect(sync.sync()).toBe(0);
    m.set('a', label('A2'));
    sync.sync();
    expect(log.splice(0)).toEqual(['update a labels']);
    expect(dirtyCalls).toBe(4);
  });

  it('replaces an implementation when a layer changes kind and destroys removed layers', () => {
    const { log, factories } = recorder();
    const m = new OverlayModel();
    const sync = new OverlaySync(factories);
    sync.attach(m);
    m.set('a', label('A'));
    sync.sync();
    log.length = 0;
    m.set('a', { kind: 'points', points: [] });
    sync.sync();
    expect(log.splice(0)).toEqual(['deactivate a', 'destroy a', 'init a', 'update a points', 'activate a']);
    const visited: string[] = [];
    sync.forEach((_, id) => visited.push(id));
    expect(visited).toEqual(['a']);
    sync.setActive(false);
    expect(log.splice(0)).toEqual(['deactivate a']);
    m.remove('a');
    sync.sync();
    expect(log.splice(0)).toEqual(['deactivate a', 'destroy a']);
    m.set('c', label('C'));
    sync.sync();
    expect(log.splice(0)).toEqual(['init c', 'update c labels']);
    sync.dispose();
    expect(log.splice(0)).toEqual(['deactivate c', 'destroy c']);
    sync.dispose();
    m.set('d', label('D'));
    expect(sync.pending).toBe(false);
  });
});
