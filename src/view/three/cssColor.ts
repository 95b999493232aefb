import { Color, SRGBColorSpace } from 'three';

const scratch = new Color();

/**
 * Writes a CSS colour ('#rgb', '#rrggbb', '#rrggbbaa', 'rgb()', 'rgba()', named) as sRGB bytes
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
      rgb = `${fn[1].replace(/a$/i, '')}(${parts.slice(0, 3).join(',')})`;
    }
  }
  if (!/^#|^rgb|^hsl|^[a-z]+$/i.test(rgb) || !Number.isFinite(alpha)) throw new Error(`not a CSS colour: '${css}'`);
  scratch.setStyle(rgb, SRGBColorSpace);
  out[offset] = Math.round(scratch.r * 255);
  out[offset + 1] = Math.round(scratch.g * 255);
  out[offset + 2] = Math.round(scratch.b * 255);
  out[offset + 3] = Math.round(Math.min(1, Math.max(0, alpha)) * 255);
}
