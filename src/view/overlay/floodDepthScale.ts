import type { ColorScale } from './ColorScale';

/**
 * The flood depth colour ramp both views draw and their legends show: shallow pale blue to deep
 * navy, sRGB components 0..1, mixed by sqrt(depth / FLOOD_FULL_DEPTH_M). shaders/floodWater.frag
 * (workspace) restates these numbers (a unit test keeps them equal); shaders/wallFloodWater.frag
 * (wall) gets them as uniforms from here.
 */
export const FLOOD_SHALLOW_SRGB: readonly [number, number, number] = [0.56, 0.82, 0.96];
export const FLOOD_DEEP_SRGB: readonly [number, number, number] = [0.04, 0.18, 0.52];
/** Depth at which the ramp reaches its deepest colour (m). */
export const FLOOD_FULL_DEPTH_M = 2;
/** Cells shallower than this are dry and not drawn (m). */
export const FLOOD_WET_M = 0.02;

/** Upper bounds of the legend's depth classes (m); the last class is open-ended. */
const BREAKS_M = [0.05, 0.15, 0.3, 0.5, 1, 2];

/** The ramp's colour at a depth (m) as '#rrggbb'. */
export function floodDepthHex(depthM: number): string {
  const t = Math.sqrt(Math.min(1, Math.max(0, depthM) / FLOOD_FULL_DEPTH_M));
  return '#' + FLOOD_SHALLOW_SRGB.map((s, k) => Math.round((s + (FLOOD_DEEP_SRGB[k] - s) * t) * 255).toString(16).padStart(2, '0')).join('');
}

/** Depth classes coloured as the water shaders colour their mid depths (the open-ended last class: the full depth). */
export const FLOOD_DEPTH_SCALE: ColorScale = {
  property: 'depth', title: 'Flood depth', unit: 'm', kind: 'stepped',
  classes: BREAKS_M.map((min, i) => {
    const max = BREAKS_M[i + 1] ?? Infinity;
    return {
      color: floodDepthHex(max === Infinity ? FLOOD_FULL_DEPTH_M : (min + max) / 2),
      label: max === Infinity ? `≥ ${min} m` : `${min} – ${max} m`, min, max,
    };
  }),
};
