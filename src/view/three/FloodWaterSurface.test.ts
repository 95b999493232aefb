import { Group } from 'three';
import { describe, expect, it } from 'vitest';
import { FloodWaterSurface } from './FloodWaterSurface';
import { SceneFrame } from './SceneFrame';
import { WallLook } from './WallLook';

const origin = { lonDeg: 104.06, latDeg: 30.66 };
/** 4 x 3 cells of 5 m, south-west corner 100 m east and 200 m north of the origin. */
const grid = { originLonDeg: origin.lonDeg, originLatDeg: origin.latDeg, xMinM: 100, yMinM: 200, cellSizeM: 5, width: 4, height: 3 };

describe('FloodWaterSurface', () => {
  const frame = new SceneFrame(origin.lonDeg, origin.latDeg, null);
  const bed = new Float32Array(12).map((_, k) => 500 + k);

  it('puts a vertex on every cell centre at its bed height, in scene meters (x east, z south)', () => {
    const parent = new Group();
    const water = new FloodWaterSurface(grid, bed, frame, new WallLook(), parent);
    const p = water.mesh.geometry.getAttribute('position');
    expect(p.count).toBe(12);
    // Cell (1, 2): centre 107.5 m east, 212.5 m north; bed 509 m (curvature lowers it a few mm this close).
    expect(p.getX(9)).toBeCloseTo(107.5, 1);
    expect(p.getZ(9)).toBeCloseTo(-212.5, 1);
    expect(p.getY(9)).toBeCloseTo(509, 1);
    expect(parent.children).toContain(water.mesh);
  });

  it('draws only quads with a wet corner and reports the wet cells and the peak depth', () => {
    const water = new FloodWaterSurface(grid, bed, frame, new WallLook(), new Group());
    const depth = new Float32Array(12);
    depth[5] = 0.4; // cell (1, 1): a corner of four quads
    depth[0] = 0.01; // dry (< 2 cm)
    water.show(depth);
    expect(water.wetCells).toBe(1);
    expect(water.maxDepthM).toBeCloseTo(0.4, 6);
    expect(water.mesh.geometry.drawRange.count).toBe(4 * 6);
    expect(Array.from(water.mesh.geometry.getAttribute('aDepth').array)).toEqual(Array.from(depth));
    water.show(new Float32Array(12));
    expect(water.mesh.geometry.drawRange.count).toBe(0);
    expect(water.wetCells).toBe(0);
  });

  it('names the field when arrays do not fit the grid, and leaves its parent on dispose (twice is fine)', () => {
    const parent = new Group();
    expect(() => new FloodWaterSurface(grid, new Float32Array(3), frame, new WallLook(), parent)).toThrow('bedM must hold width x height = 12 values, got 3');
    const water = new FloodWaterSurface(grid, bed, frame, new WallLook(), parent);
    expect(() => water.show(new Float32Array(11))).toThrow('depthM must hold width x height = 12 values, got 11');
    water.dispose();
    water.dispose();
    expect(parent.children).toHaveLength(0);
  });
});
