/**
 * Grows a 0/1 cell mask (width x height, row-major) by `radius` cells in every direction (a square
 * structuring element), in two separable passes with running counts: O(cells) whatever the radius.
 */
export function dilateMask(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  if (radius <= 0) return mask.slice();
  const tmp = new Uint8Array(mask.length), out = new Uint8Array(mask.length);
  const pass = (src: Uint8Array, dst: Uint8Array, n: number, lines: number, stride: number, lineStride: number) => {
    for (let l = 0; l < lines; l++) {
      const base = l * lineStride;
      let count = 0;
      for (let t = 0; t < Math.min(radius, n); t++) count += src[base + t * stride];
      for (let t = 0; t < n; t++) {
        if (t + radius < n) count += src[base + (t + radius) * stride];
        if (t - radius - 1 >= 0) count -= src[base + (t - radius - 1) * stride];
        dst[base + t * stride] = count > 0 ? 1 : 0;
      }
    }
  };
  pass(mask, tmp, width, height, 1, width);
  pass(tmp, out, height, width, width, 1);
  return out;
}
