import type { PrismSet } from './PrismSet';

/** Even-odd point-in-ring test on a packed prism's footprint. */
export function insidePrismRing(ps: PrismSet, p: number, x: number, y: number): boolean {
  const xy = ps.xyM, a = ps.ringStart[p], b = ps.ringStart[p + 1];
  let c = false;
  for (let i = a, j = b - 1; i < b; j = i++) {
    const xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * j], yj = xy[2 * j + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/**
 * Where the ray o + t·d first enters prism p with t in (tMin, tMax]: through a wall (an edge
 * crossing between base and top) or through the roof or the bottom. Infinity when it does not.
 * A ray starting inside the prism "enters" where it leaves through the roof: callers that start
 * outside (facade samples are pushed off their wall) never see that case. Allocation-free.
 */
export function prismEntry(ps: PrismSet, p: number, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, tMin: number, tMax: number): number {
  const xy = ps.xyM, a = ps.ringStart[p], b = ps.ringStart[p + 1], base = ps.baseM[p], top = ps.topM[p];
  let best = Infinity;
  if (dx !== 0 || dy !== 0) {
    for (let i = a, j = b - 1; i < b; j = i++) {
      const ax = xy[2 * j], ay = xy[2 * j + 1], ex = xy[2 * i] - ax, ey = xy[2 * i + 1] - ay;
      const denom = dx * ey - dy * ex;
      if (denom === 0) continue;
      const qx = ax - ox, qy = ay - oy;
      const t = (qx * ey - qy * ex) / denom;
      if (!(t > tMin && t <= tMax && t < best)) continue;
      const s = (qx * dy - qy * dx) / denom;
      if (s < 0 || s > 1) continue;
      const z = oz + t * dz;
      if (z >= base && z <= top) best = t;
    }
  }
  if (dz !== 0) {
    const tTop = (top - oz) / dz, tBase = (base - oz) / dz;
    if (tTop > tMin && tTop <= tMax && tTop < best && insidePrismRing(ps, p, ox + tTop * dx, oy + tTop * dy)) best = tTop;
    if (tBase > tMin && tBase <= tMax && tBase < best && insidePrismRing(ps, p, ox + tBase * dx, oy + tBase * dy)) best = tBase;
  }
  return best;
}
