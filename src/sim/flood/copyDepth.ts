/** Copies a Float64 depth field (m) into a Float32 array, what views and workers pass around. */
export function copyDepth(h: Float64Array, out?: Float32Array): Float32Array {
  const o = out ?? new Float32Array(h.length);
  for (let k = 0; k < h.length; k++) o[k] = h[k];
  return o;
}
