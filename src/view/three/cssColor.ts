import { Color, SRGBColorSpace } from 'three';

const scratch = new Color();
const srgb = { r: 0, g: 0, b: 0 };
const NAMES = (Color as unknown as { NAMES: Record<string, number> }).NAMES;

/**
 * Writes a CSS colour ('#rgb', '#rrggbb', '#rrggbbaa', 'rgb()', 'rgba()', 'hsl()', named) as sRGB bytes
 * r, g, b, a into `out` at `offset`. Throws naming the colour when it cannot be read.
 */
export function cssToRgba(css: string, out: Uint8Array | Uint8ClampedArray | number[], offset = 0): void {
  let alpha = 1;
  let rgb = css.trim();
  const hex8 = /^#([0-9a-f]{6})([0-9a-f]{2})$/i.exec(rgb);
  if (hex8) { rgb = `#${hex8[1]}`; alpha = parseInt(hex8[2], 16) / 255; }
  const fn = /^(rgba?|hsla?)\((.*)\)$/i.exec(rgb);
  if (fn) {
    const parts = fn[2].split(/[\s,/]+/).filter(Boolean);
    if (parts.length === 4) {
      const a = parts[3];
      alpha = a.endsWith('%') ? parseFloat(a) / 100 : parseFloat(a);
    }
    if (parts.length < 3 || parts.length > 4) throw new Error(`not a CSS colour: '${css}'`);
    rgb = `${fn[1].replace(/a$/i, '').toLowerCase()}(${parts.slice(0, 3).join(',')})`;
  } else if (!/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(rgb) && !(rgb.toLowerCase() in NAMES)) {
    throw new Error(`not a CSS colour: '${css}'`);
  }
  if (!Number.isFinite(alpha)) throw new Error(`not a CSS colour: '${css}'`);
  // setStyle reads sRGB into three's linear working space; getRGB(…, SRGB) gives the sRGB values back.
  scratch.setStyle(rgb).getRGB(srgb, SRGBColorSpace);
  out[offset] = Math.round(srgb.r * 255);
  out[offset + 1] = Math.round(srgb.g * 255);
  out[offset + 2] = Math.round(srgb.b * 255);
  out[offset + 3] = Math.round(Math.min(1, Math.max(0, alpha)) * 255);
}
