/** An RGB colour, 0..255 per channel. */
export type Rgb = readonly [number, number, number];

export interface PaintedLine {
  /** Plane meters. */
  coords: ReadonlyArray<readonly [number, number]>;
  widthM: number;
  color: Rgb;
}

export interface PaintedPolygon {
  ring: ReadonlyArray<readonly [number, number]>;
  color: Rgb;
}

/** What a terrain texture shows: a ground colour per point, then filled polygons, then lines on top. */
export interface MapLayers {
  ground(xM: number, yM: number): Rgb;
  polygons: PaintedPolygon[];
  lines: PaintedLine[];
}

/**
 * Paints a map image of the plane square [x0, x0 + size] x [y0, y0 + size] (row 0 north) into RGB
 * bytes: ground per pixel, polygons by even-odd scanline fill, lines with anti-aliased edges.
 */
export function paintMap(layers: MapLayers, x0: number, y0: number, sizeM: number, px: number): Uint8Array {
  const rgb = new Uint8Array(px * px * 3);
  const m = sizeM / px;
  for (let r = 0; r < px; r++) {
    const y = y0 + sizeM - (r + 0.5) * m;
    for (let c = 0; c < px; c++) rgb.set(layers.ground(x0 + (c + 0.5) * m, y), (r * px + c) * 3);
  }
  for (const poly of layers.polygons) fillPolygon(rgb, poly, x0, y0, sizeM, px);
  for (const line of layers.lines) strokeLine(rgb, line, x0, y0, sizeM, px);
  return rgb;
}

function fillPolygon(rgb: Uint8Array, poly: PaintedPolygon, x0: number, y0: number, sizeM: number, px: number): void {
  const m = sizeM / px, ring = poly.ring, xs: number[] = [];
  for (let r = 0; r < px; r++) {
    const y = y0 + sizeM - (r + 0.5) * m;
    xs.length = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y)) xs.push(xi + ((y - yi) / (yj - yi)) * (xj - xi));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const c0 = Math.max(0, Math.ceil((xs[k] - x0) / m - 0.5)), c1 = Math.min(px - 1, Math.floor((xs[k + 1] - x0) / m - 0.5));
      for (let c = c0; c <= c1; c++) rgb.set(poly.color, (r * px + c) * 3);
    }
  }
}

function strokeLine(rgb: Uint8Array, line: PaintedLine, x0: number, y0: number, sizeM: number, px: number): void {
  const m = sizeM / px;
  // Keep thin roads visible as at least ~0.7 px at coarse levels.
  const half = Math.max(line.widthM, 0.7 * m) / 2;
  for (let i = 1; i < line.coords.length; i++) {
    const [ax, ay] = line.coords[i - 1], [bx, by] = line.coords[i];
    const c0 = Math.max(0, Math.floor((Math.min(ax, bx) - half - x0) / m)), c1 = Math.min(px - 1, Math.ceil((Math.max(ax, bx) + half - x0) / m));
    const r0 = Math.max(0, Math.floor((y0 + sizeM - Math.max(ay, by) - half) / m)), r1 = Math.min(px - 1, Math.ceil((y0 + sizeM - Math.min(ay, by) + half) / m));
    if (c0 > c1 || r0 > r1) continue;
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy || 1;
    for (let r = r0; r <= r1; r++) {
      const y = y0 + sizeM - (r + 0.5) * m;
      for (let c = c0; c <= c1; c++) {
        const x = x0 + (c + 0.5) * m;
        const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2));
        const d = Math.hypot(x - ax - t * dx, y - ay - t * dy);
        const cover = Math.min(1, Math.max(0, (half - d) / m + 0.5));
        if (cover <= 0) continue;
        const o = (r * px + c) * 3;
        for (let k = 0; k < 3; k++) rgb[o + k] = Math.round(rgb[o + k] * (1 - cover) + line.color[k] * cover);
      }
    }
  }
}
