import { colorOf, type ColorScale } from './ColorScale';

/** '#rrggbb' (the scales' colours) to bytes; throws naming the colour otherwise. */
export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`colour scale colours must be '#rrggbb' (got '${hex}')`);
  const v = parseInt(m[1], 16);
  return [v >> 16, (v >> 8) & 255, v & 255];
}

/**
 * Colours a value per building by a scale: 4 bytes per building (a `buildingColors` layer), alpha
 * 0 where the value is missing (NaN, undefined) or in no class. `out` is reused when given.
 */
export function rgbaByScale(count: number, valueOf: (i: number) => unknown, scale: ColorScale, alpha = 255, out?: Uint8Array): Uint8Array {
  const rgba = out && out.length === count * 4 ? out : new Uint8Array(count * 4);
  const bytes = new Map<string, [number, number, number]>();
  for (let i = 0; i < count; i++) {
    const v = valueOf(i);
    const css = v === undefined || (typeof v === 'number' && v !== v) ? null : colorOf(scale, v);
    if (!css) { rgba[i * 4 + 3] = 0; continue; }
    let c = bytes.get(css);
    if (!c) bytes.set(css, (c = hexToRgb(css)));
    rgba[i * 4] = c[0]; rgba[i * 4 + 1] = c[1]; rgba[i * 4 + 2] = c[2]; rgba[i * 4 + 3] = alpha;
  }
  return rgba;
}
