import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorOf } from './ColorScale';
import { FLOOD_DEEP_SRGB, FLOOD_DEPTH_SCALE, FLOOD_FULL_DEPTH_M, FLOOD_SHALLOW_SRGB, FLOOD_WET_M, floodDepthHex } from './floodDepthScale';

const shaders = join(import.meta.dirname, '../../../shaders');

/** The numbers of a GLSL `vec3 NAME = vec3(a, b, c);` in a shader file. */
function vec3In(source: string, name: string): number[] {
  const m = new RegExp(`vec3 ${name} = vec3\\(([^)]*)\\)`).exec(source);
  if (!m) throw new Error(`no vec3 ${name} in the shader`);
  return m[1].split(',').map(Number);
}

describe('floodDepthScale', () => {
  it('runs from the shallow to the deep colour and stays there past the full depth', () => {
    expect(floodDepthHex(0)).toBe('#8fd1f5');
    expect(floodDepthHex(FLOOD_FULL_DEPTH_M)).toBe('#0a2e85');
    expect(floodDepthHex(9)).toBe('#0a2e85');
    expect(floodDepthHex(-1)).toBe(floodDepthHex(0));
  });

  it('has stepped classes from 0.05 m up, the last one open-ended', () => {
    expect(FLOOD_DEPTH_SCALE.title).toBe('Flood depth');
    expect(FLOOD_DEPTH_SCALE.classes.map((c) => c.label)).toEqual(['0.05 – 0.15 m', '0.15 – 0.3 m', '0.3 – 0.5 m', '0.5 – 1 m', '1 – 2 m', '≥ 2 m']);
    expect(colorOf(FLOOD_DEPTH_SCALE, 0.7)).toBe(floodDepthHex(0.75));
    expect(colorOf(FLOOD_DEPTH_SCALE, 5)).toBe(floodDepthHex(2));
  });

  it('matches the workspace water shader, which restates the ramp in GLSL', () => {
    const frag = readFileSync(join(shaders, 'floodWater.frag'), 'utf8');
    expect(vec3In(frag, 'shallow')).toEqual([...FLOOD_SHALLOW_SRGB]);
    expect(vec3In(frag, 'deep')).toEqual([...FLOOD_DEEP_SRGB]);
    expect(frag).toContain(`v_depth / ${FLOOD_FULL_DEPTH_M.toFixed(1)}`);
    expect(frag).toContain(`v_depth < ${FLOOD_WET_M}`);
  });
});
