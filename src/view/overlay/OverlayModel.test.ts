import { describe, expect, it } from 'vitest';
import { BUILDING_USE_SCALE } from './ColorScale';
import { OverlayModel, type OverlayChange } from './OverlayModel';

const pts = (n: number) => ({
  kind: 'points' as const,
  points: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, lonDeg: 104.06, latDeg: 30.66, color: '#f00', sizePx: 8 })),
});

describe('OverlayModel', () => {
  it('gives each set a new version and tells subscribers which layer changed', () => {
    const m = new OverlayModel();
    const seen: OverlayChange[] = [];
    const off = m.subscribe((c) => seen.push(c));
    const v1 = m.set('sensors', pts(2));
    const v2 = m.set('routes', { kind: 'lines', lines: [{ id: 'r', lonLatDeg: [104, 30, 104.1, 30.1], color: '#0f0', widthPx: 3 }] });
    const v3 = m.set('sensors', pts(3));
    expect(v2).toBeGreaterThan(v1);
    expect(v3).toBeGreaterThan(v2);
    expect(m.versionOf('sensors')).toBe(v3);
    expect(m.versionOf('routes')).toBe(v2);
    expect(seen.map((c) => [c.id, c.kind, c.removed])).toEqual([['sensors', 'points', false], ['routes', 'lines', false], ['sensors', 'points', false]]);
    expect(m.ids()).toEqual(['sensors', 'routes']);
    expect(m.remove('sensors')).toBe(true);
    expect(m.remove('sensors')).toBe(false);
    expect(seen.at(-1)).toEqual({ id: 'sensors', kind: 'points', version: 0, removed: true });
    expect(m.versionOf('sensors')).toBe(0);
    off();
    m.set('x', pts(1));
    expect(seen).toHaveLength(4);
  });

  it('never reuses a version after a layer is removed and set again', () => {
    const m = new OverlayModel();
    const v1 = m.set('a', pts(1));
    m.remove('a');
    expect(m.set('a', pts(1))).not.toBe(v1);
  });

  it('takes a layer set again with the same data as no change (no new version, no event), and any difference as one', () => {
    const m = new OverlayModel();
    const seen: OverlayChange[] = [];
    m.subscribe((c) => seen.push(c));
    const grid = (v: number) => ({ kind: 'heatGrid' as const, westDeg: 104, southDeg: 30, eastDeg: 104.002, northDeg: 30.001, cols: 2, rows: 1, values: new Float32Array([v, Number.NaN]), scale: structuredClone(BUILDING_USE_SCALE), opacity: 0.6 });
    const v1 = m.set('sensors', pts(2));
    expect(m.set('sensors', pts(2))).toBe(v1); // a refresh that found nothing new
    expect(seen).toHaveLength(1);
    const moved = pts(2);
    moved.points[1].lonDeg = 104.0600001;
    const v2 = m.set('sensors', moved);
    expect(v2).toBeGreaterThan(v1);
    expect(m.set('sensors', moved, { share: true })).toBeGreaterThan(v2); // shared now: a change
    expect(seen).toHaveLength(3);
    const g = m.set('depth', grid(0.5));
    expect(m.set('depth', grid(0.5))).toBe(g); // NaN cells are the same "no data"
    expect(m.set('depth', grid(0.25))).toBeGreaterThan(g);
    // A buffer refilled in place and set again is a change (LiveColouring does so every second).
    const rgba = new Uint8Array(8);
    const c1 = m.set('live', { kind: 'buildingColors', rgba });
    rgba[0] = 200;
    expect(m.set('live', { kind: 'buildingColors', rgba })).toBeGreaterThan(c1);
    expect(seen.map((c) => c.id)).toEqual(['sensors', 'sensors', 'sensors', 'depth', 'depth', 'live', 'live']);
  });

  it('lists the layers of one kind', () => {
    const m = new OverlayModel();
    m.set('a', pts(1));
    m.set('b', { kind: 'labels', labels: [{ id: 'l', lonDeg: 104, latDeg: 30, text: 'Jinniu', color: '#fff' }] });
    m.set('c', pts(2));
    expect(m.layersOfKind('points').map((l) => [l.id, l.layer.points.length])).toEqual([['a', 1], ['c', 2]]);
  });

  it('refuses bad layers with an error naming the layer and the field', () => {
    const m = new OverlayModel();
    expect(() => m.set('s', { kind: 'points', points: [{ id: 'p', lonDeg: 204, latDeg: 30, color: '#f00', sizePx: 4 }] }))
      .toThrow(/overlay layer 's': field "points\[0\]\.lonDeg" must be a longitude/);
    expect(() => m.set('h', {
      kind: 'heatGrid', westDeg: 104, southDeg: 30, eastDeg: 104.1, northDeg: 30.1, cols: 4, rows: 4,
      values: new Float32Array(15), scale: BUILDING_USE_SCALE, opacity: 0.5,
    })).toThrow(/field "values" must be a Float32Array of cols\*rows = 16 values \(got 15\)/);
    expect(() => m.set('l', { kind: 'lines', lines: [{ id: 'r', lonLatDeg: [104, 30], color: '#0f0', widthPx: 3 }] }))
      .toThrow(/"lines\[0\]\.lonLatDeg" must be a flat \[lon, lat, \.\.\.\] array with at least 2 vertices/);
    expect(() => m.set('f', { kind: 'featureColors', colors: { b1: '#f00' } as never })).toThrow(/"colors" must be a Map/);
    expect(() => m.set('f', { kind: 'featureColors', colors: new Map(), blend: 'erase' as never })).toThrow(/"blend" must be 'replace', 'over', 'hide' or absent/);
    expect(() => m.set('s3', { kind: 'lines', lines: [{ id: 'r', lonLatDeg: [104, 30, 104.1, 30.1], heightsM: [500], color: '#0f0', widthPx: 3 }] }))
      .toThrow(/"lines\[0\]\.heightsM" must be one height in meters per vertex \(2\) \(got 1\)/);
    expect(() => m.set('s3', { kind: 'lines', lines: [{ id: 'r', lonLatDeg: [104, 30, 104.1, 30.1], heightsM: [500, NaN], color: '#0f0', widthPx: 3 }] }))
      .toThrow(/"lines\[0\]\.heightsM\[1\]" must be a finite height/);
    expect(() => m.set('', pts(1))).toThrow(/id must be a non-empty string/);
    expect(m.ids()).toEqual([]);
    expect(m.version).toBe(0);
  });
});
