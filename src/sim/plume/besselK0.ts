/**
 * exp(z) * K0(z) for z > 0, the modified Bessel function of the second kind scaled so that it
 * neither overflows nor underflows: polynomial approximations of Abramowitz & Stegun 9.8.1, 9.8.5
 * (z <= 2, |error| < 1e-8 on K0) and 9.8.6 (z > 2, relative error < 2e-7).
 */
export function scaledBesselK0(z: number): number {
  if (!(z > 0)) throw new Error(`scaledBesselK0: z must be > 0, got ${z}`);
  if (z <= 2) {
    const t = (z / 3.75) ** 2;
    const i0 = 1 + t * (3.5156229 + t * (3.0899424 + t * (1.2067492 + t * (0.2659732 + t * (0.0360768 + t * 0.0045813)))));
    const q = (z * z) / 4;
    const k0 = -Math.log(z / 2) * i0 - 0.57721566
      + q * (0.4227842 + q * (0.23069756 + q * (0.0348859 + q * (0.00262698 + q * (0.0001075 + q * 0.0000074)))));
    return Math.exp(z) * k0;
  }
  const s = 2 / z;
  const p = 1.25331414 + s * (-0.07832358 + s * (0.02189568 + s * (-0.01062446 + s * (0.00587872 + s * (-0.0025154 + s * 0.00053208)))));
  return p / Math.sqrt(z);
}
