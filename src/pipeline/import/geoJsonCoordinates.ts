/**
 * Checks of GeoJSON coordinate arrays before they are used: each returns the positions as
 * [x, y] pairs, or a message naming the JSON path that is wrong and what was expected (so one bad
 * feature is skipped and reported instead of a TypeError ending the import).
 */

/** Positions, or why they are not. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

type XY = [number, number];

const describeValue = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v) ?? String(v);
  return `${typeof v} ${s.length > 40 ? s.slice(0, 40) + '…' : s}`;
};

const fail = (path: string, expected: string, got: unknown): Checked<never> => ({ ok: false, error: `${path}: expected ${expected}, got ${describeValue(got)}` });

function position(v: unknown, path: string): Checked<XY> {
  if (!Array.isArray(v) || v.length < 2) return fail(path, 'a position [x, y]', v);
  const [x, y] = v;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return fail(path, 'a position [x, y] of finite numbers', v);
  return { ok: true, value: [x, y] };
}

/** A LineString's or a ring's positions (at least `min`). */
export function positions(v: unknown, path: string, min: number): Checked<XY[]> {
  if (!Array.isArray(v)) return fail(path, `an array of at least ${min} positions`, v);
  if (v.length < min) return fail(path, `at least ${min} positions`, v);
  const out: XY[] = [];
  for (let i = 0; i < v.length; i++) {
    const p = position(v[i], `${path}[${i}]`);
    if (!p.ok) return p;
    out.push(p.value);
  }
  return { ok: true, value: out };
}

/** A list of position lists (Polygon rings, MultiLineString lines). */
export function positionLists(v: unknown, path: string, min: number): Checked<XY[][]> {
  if (!Array.isArray(v) || v.length === 0) return fail(path, 'a non-empty array of position arrays', v);
  const out: XY[][] = [];
  for (let i = 0; i < v.length; i++) {
    const r = positions(v[i], `${path}[${i}]`, min);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}

/** MultiPolygon coordinates: polygons of rings. */
export function polygons(v: unknown, path: string): Checked<XY[][][]> {
  if (!Array.isArray(v) || v.length === 0) return fail(path, 'a non-empty array of polygons', v);
  const out: XY[][][] = [];
  for (let i = 0; i < v.length; i++) {
    const r = positionLists(v[i], `${path}[${i}]`, 3);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}
