/**
 * True when two pieces of layer data (plain objects, arrays, typed arrays, strings, numbers,
 * booleans, null) are separate copies of the same values. NaN equals NaN: a grid's "no data"
 * cells are the same data. The same object met on both sides is NOT the same data: a layer
 * refilled in place (LiveColouring's colour buffer) is set again with its own buffer to say it
 * changed, and what it held before is gone. Anything that is not plain data (a function, a Map)
 * counts as different.
 */
export function sameLayerData(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'object' || a === null;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) return sameTypedArray(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameLayerData(a[i], bb[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ob = b as Record<string, unknown>, oa = a as Record<string, unknown>;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(ob, k) || !sameLayerData(oa[k], ob[k])) return false;
  return true;
}

function sameTypedArray(a: object, b: object): boolean {
  if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor || a instanceof DataView || b instanceof DataView) return false;
  const x = a as unknown as ArrayLike<number>, y = b as unknown as ArrayLike<number>;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && !(Number.isNaN(x[i]) && Number.isNaN(y[i]))) return false;
  return true;
}
