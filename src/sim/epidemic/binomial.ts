import type { SeededRandom } from './SeededRandom';

/** Below this many trials the sampler inverts the distribution function directly. */
const DIRECT_MAX_N = 40;

/**
 * An exact Binomial(n, p) draw (n a non-negative integer). Large n is halved recursively with
 * Knuth's beta split (TAOCP vol. 2, 3.4.1): the a-th smallest of n uniforms is Beta(a, n + 1 - a),
 * and the trials below p fall either among the a - 1 below it or the n - a above it; small n is
 * sampled by sequential inversion of the distribution function. O(log n) beta draws.
 */
export function binomial(rng: SeededRandom, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  let k = 0;
  while (n > DIRECT_MAX_N) {
    const a = 1 + (n >> 1), b = n + 1 - a;
    const x = rng.beta(a, b);
    if (x >= p) { n = a - 1; p /= x; } else { k += a; n = b - 1; p = (p - x) / (1 - x); }
  }
  return k + (p > 0.5 ? n - invert(rng, n, 1 - p) : invert(rng, n, p));
}

/** Sequential search of the Binomial(n, p) distribution function, p <= 0.5, n small. */
function invert(rng: SeededRandom, n: number, p: number): number {
  const q = 1 - p, s = p / q, a = (n + 1) * s;
  let r = Math.pow(q, n), u = rng.next(), x = 0;
  while (u > r && x < n) {
    u -= r;
    x++;
    r *= a / x - s;
  }
  return x;
}
