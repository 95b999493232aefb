import { describe, expect, it } from 'vitest';
import { parseWallLayout, viewOffsetOf } from './WallLayout';

describe('parseWallLayout', () => {
  it('reads the wall size, this window and the leader from the URL', () => {
    const l = parseWallLayout(new URLSearchParams('wall=3x2&tile=4'));
    expect(l).toEqual({ cols: 3, rows: 2, col: 1, row: 1, tile: 4, leader: 0, isLeader: false });
    expect(viewOffsetOf(l, 1920, 1080)).toEqual({ fullWidth: 5760, fullHeight: 2160, x: 1920, y: 1080 });
    expect(parseWallLayout(new URLSearchParams('')).isLeader).toBe(true);
    expect(parseWallLayout(new URLSearchParams('wall=2x1&tile=1&lead=1')).isLeader).toBe(true);
  });

  it('names the parameter when a value is bad', () => {
    expect(() => parseWallLayout(new URLSearchParams('wall=2by1'))).toThrow(/"wall" must be COLSxROWS/);
    expect(() => parseWallLayout(new URLSearchParams('wall=2x1&tile=2'))).toThrow(/"tile" must be a window index 0\.\.1 \(got '2'\)/);
    expect(() => parseWallLayout(new URLSearchParams('lead=x'))).toThrow(/"lead"/);
  });
});
