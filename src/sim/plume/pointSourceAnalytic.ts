/** A continuous point release in uniform wind along +x over a well-mixed layer. */
export interface PointSourceCase {
  rateKgPerS: number;
  speedMps: number;
  diffusivityM2PerS: number;
  mixingHeightM: number;
  /** First-order loss (1/s); default 0. */
  decayPerS?: number;
}

/**
 * Exact concentration (mg/m³) at (x, y) m from a source switched on at t = 0, at time t (s): the
 * time integral of the 2D advection-diffusion Green's function,
 * c = Q / H * int_0^t exp(-((x - U tau)² + y²) / (4 K tau) - k tau) / (4 pi K tau) dtau,
 * taken numerically in s = ln(tau) (Simpson, 4000 panels), where the integrand is smooth.
 */
export function pointSourceMgPerM3(c: PointSourceCase, xM: number, yM: number, tS: number): number {
  const K = c.diffusivityM2PerS, U = c.speedMps, k = c.decayPerS ?? 0, r2 = xM * xM + yM * yM;
  // Below tauMin the integrand is under exp(-60) of its scale: start there (or near 0 at the source).
  const tauMin = Math.max(1e-9 * tS, r2 / (4 * K * 60));
  if (tauMin >= tS) return 0;
  const a = Math.log(tauMin), b = Math.log(tS), n = 4000, h = (b - a) / n;
  const f = (s: number) => {
    const tau = Math.exp(s), dx = xM - U * tau;
    return Math.exp(-(dx * dx + yM * yM) / (4 * K * tau) - k * tau) / (4 * Math.PI * K); // x tau (dtau = tau ds)
  };
  let sum = f(a) + f(b);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(a + i * h);
  return ((c.rateKgPerS * sum * h) / 3 / c.mixingHeightM) * 1e6;
}
