/** Bounds helpers for 3D Tiles `box` bounding volumes in a tile's z-up frame. */

export type Bounds3 = [number, number, number, number, number, number];

export const emptyBounds = (): Bounds3 => [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];

export function unionBounds(a: Bounds3, b: Bounds3): Bounds3 {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.min(a[2], b[2]), Math.max(a[3], b[3]), Math.max(a[4], b[4]), Math.max(a[5], b[5])];
}

/**
 * An axis-aligned `box` (centre + three half-axis vectors) enclosing `b` padded by `padM` meters.
 * The padded extent is rounded outward to whole millimetres first and the centre and half sizes are
 * derived from those integers, so a box is never smaller than its bounds, and bounds inside bounds
 * give a box inside a box exactly (rounding centre and half size separately let a content box poke
 * 1 mm out of its tile's box).
 */
export function boxOf(b: Bounds3, padM = 0.5): { box: number[] } {
  const box = new Array<number>(12).fill(0);
  for (let k = 0; k < 3; k++) {
    const lo = Math.floor((b[k] - padM) * 1000), hi = Math.ceil((b[k + 3] + padM) * 1000);
    box[k] = (lo + hi) / 2000;
    box[3 + 4 * k] = (hi - lo) / 2000;
  }
  return { box };
}

/** The [min, max] extent of an axis-aligned `box` along each axis: [minX, minY, minZ, maxX, maxY, maxZ]. */
export function boxExtent(box: ReadonlyArray<number>): Bounds3 {
  return [box[0] - box[3], box[1] - box[7], box[2] - box[11], box[0] + box[3], box[1] + box[7], box[2] + box[11]];
}
