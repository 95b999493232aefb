import type { ColorScale } from '../../../view/overlay/ColorScale';
import { hexToRgb } from '../../../view/overlay/rgbaByScale';

/**
 * How far up the unit tree a building may look for a value when its grid cell has no fresh
 * sensor of the kind: 0 = its grid cell only. A river gauge says nothing about a cell two
 * streets away, so water level stays on the cells that have a gauge; rain, air and the rest
 * vary smoothly enough to take the community's or the street's value.
 */
export const LIVE_FALLBACK_LEVELS: Readonly<Record<string, number>> = {
  water_level: 0, fire_alarm: 0, crowd_density: 0,
  rainfall: 2, traffic_speed: 1, air_quality: 2, power_load: 1, hotline_12345: 1,
};

/**
 * Colours every building by the indicator of its grid cell (or of a parent up to `climb`
 * levels), writing 4 bytes per building into `out`: alpha 0 where no value applies, so the
 * building keeps the colours below. `gridOf[i]` is building i's unit index (-1: none).
 */
export function fillLiveColours(out: Uint8Array, gridOf: Int32Array, values: ArrayLike<number>, parents: ArrayLike<number>, climb: number, scale: ColorScale): number {
  const classes = scale.classes.map((c) => ({ min: c.min ?? -Infinity, max: c.max ?? Infinity, rgb: hexToRgb(c.color) }));
  let coloured = 0;
  for (let i = 0; i < gridOf.length; i++) {
    let u = gridOf[i], v = NaN;
    for (let k = 0; u >= 0 && k <= climb; k++) {
      v = values[u];
      if (v === v) break;
      u = parents[u];
    }
    const c = v === v ? classes.find((x) => v >= x.min && v < x.max) : undefined;
    if (!c) { out[i * 4 + 3] = 0; continue; }
    out[i * 4] = c.rgb[0]; out[i * 4 + 1] = c.rgb[1]; out[i * 4 + 2] = c.rgb[2]; out[i * 4 + 3] = 255;
    coloured++;
  }
  return coloured;
}
