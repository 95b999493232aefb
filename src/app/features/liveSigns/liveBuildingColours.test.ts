import { describe, expect, it } from 'vitest';
import { steppedScale } from '../../../view/overlay/ColorScale';
import { fillLiveColours } from './liveBuildingColours';

describe('fillLiveColours', () => {
  // Units: 0 street, 1 community (in 0), 2 and 3 grid cells (in 1).
  const parents = [-1, 0, 1, 1];
  const scale = steppedScale('v', 'Level', 'm', [3, 4]);

  it('takes the grid cell value, climbing to a parent only as far as allowed', () => {
    const values = [NaN, 5, 2, NaN]; // cell 3 has no gauge; its community reads 5
    const out = new Uint8Array(3 * 4);
    const gridOf = Int32Array.from([2, 3, -1]);
    expect(fillLiveColours(out, gridOf, values, parents, 0, scale)).toBe(1);
    expect(out[3]).toBe(255);
    expect(out[7]).toBe(0); // no gauge in its cell, no climbing: left to the colours below
    expect(out[11]).toBe(0);
    expect(fillLiveColours(out, gridOf, values, parents, 1, scale)).toBe(2);
    expect(Array.from(out.subarray(4, 8))).toEqual([0xfd, 0xe7, 0x25, 255]); // >= 4 m: the top class
  });
});
