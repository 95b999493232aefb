/** Bounds helpers for 3D Tiles `box` bounding volumes in a tile's z-up frame. */

export type Bounds3 = [number, number, number, number, number, number];

export const emptyBounds = (): Bounds3 => [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];

export function unionBounds(a: Bounds3, b: Bounds3): Bounds3 {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.min(a[2], b[2]), Math.max(a[3], b[3]), Math.max(a[4], b[4]), Math.max(a[5], b[5])];
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** An axis-aligned `box` (centre + three half-axis vectors), padded by `padM` meters. */
export function boxOf(b: Bounds3, padM = 0.5): { box: number[] } {
  const c = [(b[0] + b[3]) / 2, (b[1] + b[4]) / 2, (b[2] + b[5]) / 2];
  const h = [(b[3] - b[0]) / 2 + padM, (b[4] - b[1]) / 2 + padM, (b[5] - b[2]) / 2 + padM];
  return { box: [c[0], c[1], c[2], h[0], 0, 0, 0, h[1], 0, 0, 0, h[2]].map(r3) };
}
