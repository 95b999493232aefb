import { describe, expect, it } from 'vitest';
import { BuildingColorCompositor, HIDDEN_ALPHA, STATE_TEXTURE_WIDTH, type CssToRgba } from './BuildingColorCompositor';
import { BUILDING_COLOR_PRIORITY as P } from './buildingColorPriority';

/** '#rrggbb' or '#rrggbbaa' only: enough for the tests. */
const hex: CssToRgba = (css, out, o) => {
  const m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(css);
  if (!m) throw new Error(`not a colour: ${css}`);
  const v = parseInt(m[1], 16);
  out[o] = v >> 16; out[o + 1] = (v >> 8) & 255; out[o + 2] = v & 255; out[o + 3] = m[2] ? parseInt(m[2], 16) : 255;
};
const texel = (c: BuildingColorCompositor, i: number) => Array.from(c.state.subarray(i * 4, i * 4 + 4));
const dense = (n: number, fill: (i: number) => number[] | null) => {
  const rgba = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) { const c = fill(i); if (c) rgba.set(c, i * 4); }
  return rgba;
};

describe('BuildingColorCompositor', () => {
  it('stacks layers by priority, whatever the order they were set in', () => {
    const c = new BuildingColorCompositor(hex, 10);
    c.setLayer('pick', { kind: 'buildingColors', rgba: dense(10, (i) => (i === 3 ? [255, 255, 0, 255] : null)), priority: P.pick });
    c.setLayer('use', { kind: 'buildingColors', rgba: dense(10, () => [10, 20, 30, 255]), priority: P.colourBy });
    expect(c.compose()).toBe(true);
    expect(texel(c, 3)).toEqual([255, 255, 0, 255]);
    expect(texel(c, 4)).toEqual([10, 20, 30, 255]);
    expect(c.compose()).toBe(false);
    c.setLayer('pick', null);
    c.compose();
    expect(texel(c, 3)).toEqual([10, 20, 30, 255]);
  });

  it('blends an "over" layer by its alpha and lets alpha 0 show the layers below', () => {
    const c = new BuildingColorCompositor(hex, 4);
    c.setLayer('base', { kind: 'buildingColors', rgba: dense(4, () => [0, 0, 200, 255]), priority: 0 });
    c.setLayer('tint', { kind: 'buildingColors', rgba: dense(4, (i) => (i === 1 ? [200, 0, 0, 128] : [9, 9, 9, 0])), priority: 5, blend: 'over' });
    c.compose();
    expect(texel(c, 0)).toEqual([0, 0, 200, 255]);
    const [r, g, b, a] = texel(c, 1);
    expect(a).toBe(255);
    expect(r).toBeCloseTo(100, -1);
    expect(g).toBe(0);
    expect(b).toBeCloseTo(100, -1);
  });

  it('colours sparse layers by id once the building has been learned from a tile', () => {
    const c = new BuildingColorCompositor(hex, 100);
    c.setLayer('scenario', { kind: 'featureColors', colors: new Map([['B7', '#ff00ff'], ['B9', '#00ff00']]) });
    c.compose();
    expect(c.countColoured([7, 9])).toBe(0);
    c.learn(['B7', 'B8'], [7, 8]);
    expect(c.compose()).toBe(true);
    expect(texel(c, 7)).toEqual([255, 0, 255, 255]);
    expect(c.countColoured([7, 8, 9])).toBe(1);
    c.learn(['B1'], [1]);
    expect(c.compose()).toBe(false); // nothing sparse names B1
  });

  it('hides the buildings of a hide layer whatever lies above, and keeps the reserved alpha for hiding only', () => {
    const c = new BuildingColorCompositor(hex, 6);
    c.learn(['B2', 'B4'], [2, 4]);
    c.setLayer('cleared', { kind: 'featureColors', colors: new Map([['B2', '#000000'], ['B9', '#000000']]), blend: 'hide', priority: P.scenario });
    c.setLayer('cut', { kind: 'buildingColors', rgba: dense(6, (i) => (i === 5 ? [1, 1, 1, 255] : null)), blend: 'hide', priority: P.colourBy });
    c.setLayer('pick', { kind: 'featureColors', colors: new Map([['B2', '#ffff00'], ['B4', '#ffff00']]), priority: P.pick });
    c.setLayer('faint', { kind: 'buildingColors', rgba: dense(6, (i) => (i === 1 ? [9, 9, 9, HIDDEN_ALPHA] : null)) });
    c.compose();
    expect(texel(c, 2)).toEqual([0, 0, 0, HIDDEN_ALPHA]);
    expect(texel(c, 5)).toEqual([0, 0, 0, HIDDEN_ALPHA]);
    expect(texel(c, 4)).toEqual([255, 255, 0, 255]);
    expect(texel(c, 1)).toEqual([9, 9, 9, HIDDEN_ALPHA + 1]);
    expect(c.countHidden([0, 1, 2, 3, 4, 5])).toBe(2);
    expect(c.countColoured([0, 1, 2, 3, 4, 5])).toBe(2);
    c.setLayer('cleared', null);
    c.compose();
    expect(texel(c, 2)).toEqual([255, 255, 0, 255]);
  });

  it('grows the state (and says so) for indices past its capacity, keeping the layers', () => {
    const c = new BuildingColorCompositor(hex, 10);
    expect(c.rows).toBe(1);
    const v = c.sizeVersion;
    c.setLayer('big', { kind: 'buildingColors', rgba: dense(STATE_TEXTURE_WIDTH + 5, (i) => (i === STATE_TEXTURE_WIDTH + 2 ? [1, 2, 3, 255] : null)) });
    c.compose();
    expect(c.rows).toBe(2);
    expect(c.sizeVersion).toBeGreaterThan(v);
    expect(texel(c, STATE_TEXTURE_WIDTH + 2)).toEqual([1, 2, 3, 255]);
  });

  it('recomposes 10^6 buildings and three layers in well under a second', () => {
    const n = 1_000_000;
    const c = new BuildingColorCompositor(hex, n);
    for (let k = 0; k < 3; k++) c.setLayer(`l${k}`, { kind: 'buildingColors', rgba: dense(n, (i) => (i % (k + 2) ? [k, k, k, 200] : null)), priority: k, blend: 'over' });
    const t0 = performance.now();
    c.compose();
    const ms = performance.now() - t0;
    console.log(`compose 10^6 buildings x 3 layers: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(1000);
  });
});
