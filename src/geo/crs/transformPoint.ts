import { resolveCrs } from './resolveCrs';

const pivot = [0, 0];

function check(value: number, what: string, from: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`transform from ${from}: ${what} is ${value}, expected a finite number`);
}

/**
 * Converts one [x, y] from CRS `from` to CRS `to` (ids as `resolveCrs` takes them, e.g.
 * 'EPSG:4544', 'GCJ02', 'BD09', 'EPSG:4326'), through WGS84 lon/lat. Geographic coordinates are
 * [lonDeg, latDeg]; projected ones [eastingM, northingM]. Returns a new pair.
 */
export function transformPoint(from: string, to: string, xy: readonly [number, number] | ArrayLike<number>): [number, number] {
  const out: [number, number] = [0, 0];
  const src = resolveCrs(from), dst = resolveCrs(to);
  check(xy[0], 'x', from);
  check(xy[1], 'y', from);
  if (src === dst) { out[0] = xy[0]; out[1] = xy[1]; return out; }
  src.toLonLat(xy[0], xy[1], pivot);
  dst.fromLonLat(pivot[0], pivot[1], out);
  return out;
}

/**
 * Converts interleaved [x0, y0, x1, y1, ...] from `from` to `to` into `result` (may be `coords`
 * itself; default a new array). Non-finite inputs give NaN pairs rather than throwing, so a
 * caller can count and report them. Allocates no per-point objects of its own.
 */
export function transformPoints(from: string, to: string, coords: Float64Array, result: Float64Array = new Float64Array(coords.length)): Float64Array {
  if (coords.length % 2 !== 0) throw new RangeError(`transformPoints: coords has odd length ${coords.length}, expected x,y pairs`);
  if (result.length < coords.length) throw new RangeError(`transformPoints: result length ${result.length} < coords length ${coords.length}`);
  const src = resolveCrs(from), dst = resolveCrs(to);
  for (let i = 0; i < coords.length; i += 2) {
    const x = coords[i], y = coords[i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) { result[i] = NaN; result[i + 1] = NaN; continue; }
    if (src === dst) { result[i] = x; result[i + 1] = y; continue; }
    src.toLonLat(x, y, pivot);
    dst.fromLonLat(pivot[0], pivot[1], pivot);
    result[i] = pivot[0];
    result[i + 1] = pivot[1];
  }
  return result;
}
