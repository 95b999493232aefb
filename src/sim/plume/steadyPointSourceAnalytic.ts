import { scaledBesselK0 } from './besselK0';
import type { PointSourceCase } from './pointSourceAnalytic';

/**
 * Exact steady concentration (mg/m³) at (x, y) m downwind-frame of a continuous point source in
 * uniform wind U along +x with isotropic diffusivity K over a mixing height H (the classic 2D
 * result): c = Q / (2 pi K H) * exp(U x / (2 K)) * K0(r * sqrt((U / 2K)² + k / K)), r = |(x, y)|.
 */
export function steadyPointSourceMgPerM3(c: PointSourceCase, xM: number, yM: number): number {
  const K = c.diffusivityM2PerS, a = c.speedMps / (2 * K), k = c.decayPerS ?? 0;
  const z = Math.hypot(xM, yM) * Math.sqrt(a * a + k / K);
  if (z === 0) return Infinity;
  // K0(z) = exp(-z) * scaled(z): fold exp(-z) into the exponent so large distances do not overflow.
  return (c.rateKgPerS / (2 * Math.PI * K * c.mixingHeightM)) * Math.exp(a * xM - z) * scaledBesselK0(z) * 1e6;
}
