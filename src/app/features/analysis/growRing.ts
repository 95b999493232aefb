/** Vertex centroid of a ring (plane m). */
export function ringCentre(r: ReadonlyArray<readonly [number, number]>): [number, number] {
  let x = 0, y = 0;
  for (const p of r) { x += p[0]; y += p[1]; }
  return [x / r.length, y / r.length];
}

/**
 * A ring moved `byM` outward from its vertex centroid (enough for the near-convex footprints of
 * buildings): a solid drawn on a building (a floor slab, the part above a limit) then stands just
 * outside its walls and does not flicker with them.
 */
export function growRing(r: ReadonlyArray<readonly [number, number]>, byM: number): Array<[number, number]> {
  const [cx, cy] = ringCentre(r);
  return r.map(([x, y]) => {
    const d = Math.hypot(x - cx, y - cy) || 1;
    return [x + ((x - cx) / d) * byM, y + ((y - cy) / d) * byM];
  });
}
