import { describe, expect, it } from 'vitest';
import { cssToRgba } from './cssColor';

describe('cssToRgba', () => {
  it('reads hex, rgb(a), hsl and named colours as sRGB bytes with alpha', () => {
    const out = new Uint8Array(8);
    cssToRgba('#ff8000', out);
    expect([...out.slice(0, 4)]).toEqual([255, 128, 0, 255]);
    cssToRgba('#00ff6680', out, 4);
    expect([...out.slice(4)]).toEqual([0, 255, 102, 128]);
    cssToRgba('rgba(10, 20, 30, 0.5)', out);
    expect([...out.slice(0, 4)]).toEqual([10, 20, 30, 128]);
    cssToRgba('rgb(10 20 30 / 25%)', out);
    expect([...out.slice(0, 4)]).toEqual([10, 20, 30, 64]);
    cssToRgba('red', out);
    expect([...out.slice(0, 4)]).toEqual([255, 0, 0, 255]);
    cssToRgba('hsl(120, 100%, 50%)', out);
    expect([...out.slice(0, 4)]).toEqual([0, 255, 0, 255]);
  });

  it('names a colour it cannot read', () => {
    expect(() => cssToRgba('#zz', new Uint8Array(4))).toThrow(/not a CSS colour: '#zz'/);
  });
});
