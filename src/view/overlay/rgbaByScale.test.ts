import { describe, expect, it } from 'vitest';
import { BUILDING_USE_SCALE, steppedScale } from './ColorScale';
import { rgbaByScale } from './rgbaByScale';

describe('rgbaByScale', () => {
  it('colours each building by its class, and leaves missing values uncoloured', () => {
    const heights = [10, 70, NaN, 200];
    const rgba = rgbaByScale(4, (i) => heights[i], steppedScale('h', 'Height', 'm', [15, 30, 60, 120]));
    expect(Array.from(rgba.subarray(0, 4))).toEqual([0x44, 0x01, 0x54, 255]);
    expect(rgba[2 * 4 + 3]).toBe(0);
    expect(Array.from(rgba.subarray(12, 16))).toEqual([0xfd, 0xe7, 0x25, 255]);
  });

  it('reads categories, and leaves values in no class uncoloured', () => {
    const uses = ['school', 'unknown'];
    const rgba = rgbaByScale(2, (i) => uses[i], BUILDING_USE_SCALE);
    expect(Array.from(rgba.subarray(0, 4))).toEqual([0x8f, 0xd1, 0x6a, 255]);
    expect(rgba[7]).toBe(0);
  });
});
