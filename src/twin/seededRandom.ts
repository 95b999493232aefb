/**
 * Deterministic pseudo-random numbers keyed by text, so generated twin entities are the same for
 * the same seed and address whatever order they are asked for in. FNV-1a hashes the key; mulberry32
 * draws from it. Pure; no DOM.
 */
import { createRandom } from '../random/random';

/** 32-bit FNV-1a hash of a string. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator of uniform numbers in [0, 1) for `seed` and `key`. */
export function seededRandom(seed: number, key: string): () => number {
  return createRandom((hashText(key) ^ Math.imul(seed | 0, 0x9e3779b1)) >>> 0);
}

/** A Poisson draw with mean `lambda` (Knuth for small means, normal approximation above 30). */
export function poisson(rand: () => number, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda > 30) {
    const u = Math.max(rand(), 1e-12), v = rand();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const limit = Math.exp(-lambda);
  let k = 0, p = rand();
  while (p > limit) { k++; p *= rand(); }
  return k;
}
