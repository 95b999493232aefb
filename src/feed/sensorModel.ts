import { valueNoise } from '../random/random';
import type { SensorInfo } from '../signs/registry/SensorInfo';

/**
 * Undisturbed readings of the simulated sensors: daily cycles (Chengdu local time, UTC+8), slow
 * drifts (smooth value noise over hours) and per-reading noise, all pure functions of (sensor,
 * time, seed) so a seed replays the same city. Anomalies are added on top (see anomalies.ts).
 */

/** Integer hash of (a, b, seed) to [0, 1). */
export function hash01(a: number, b: number, seed: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35) ^ Math.imul(seed, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return ((h ^ (h >>> 15)) >>> 0) / 4294967296;
}

const HOUR_MS = 3_600_000;
/** Local hour of day in Chengdu (UTC+8), 0..24. */
export const localHour = (timeMs: number) => ((((timeMs / HOUR_MS + 8) % 24) + 24) % 24);
const bump = (h: number, centre: number, width: number) => Math.exp(-(((h - centre) / width) ** 2));
/** Per-reading noise in [-1, 1), fixed within one second. */
const noise = (s: number, t: number, seed: number, salt: number) => 2 * hash01(s, Math.floor(t / 1000), seed + salt) - 1;
/** Slow drift in [-1, 1) with the given period (ms), offset per `key` (a sensor or a place). */
const drift = (key: number, t: number, seed: number, periodMs: number) => 2 * valueNoise(t / periodMs, key * 0.618, seed) - 1;

/** Poisson sample with mean `lambda` from a uniform u (inverse CDF; lambda is small here). */
function poisson(lambda: number, u: number): number {
  let k = 0, p = Math.exp(-lambda), cdf = p;
  while (u > cdf && k < 1000) { k++; p *= lambda / k; cdf += p; }
  return k;
}

/**
 * The value sensor `sensor` (registry index s) reads at timeMs without anomalies, in its kind's
 * unit. `intervalS` is its reporting interval (hotline counts are calls per interval).
 */
export function baseValue(sensor: SensorInfo, s: number, timeMs: number, seed: number, intervalS: number): number {
  const h = localHour(timeMs), n = sensor.nominal;
  switch (sensor.kind) {
    case 'water_level':
      return n + 0.05 * Math.sin((2 * Math.PI * (h - 6)) / 24) + 0.15 * drift(1, timeMs, seed + 1, 6 * HOUR_MS) + 0.01 * noise(s, timeMs, seed, 2);
    case 'rainfall': {
      const r = valueNoise(timeMs / (2 * HOUR_MS), (sensor.xM + sensor.yM) / 6000, seed + 3);
      return r > 0.62 ? (r - 0.62) * 14 * (1 + 0.1 * noise(s, timeMs, seed, 4)) : 0;
    }
    case 'traffic_speed': {
      const congestion = 0.1 * bump(h, 13, 5) + 0.45 * bump(h, 8.5, 1.2) + 0.5 * bump(h, 18, 1.5);
      const v = n * (1 - congestion * (1 + 0.2 * drift(s, timeMs, seed + 5, HOUR_MS))) + 2 * noise(s, timeMs, seed, 6);
      return Math.min(n * 1.1, Math.max(3, v));
    }
    case 'air_quality': {
      const regional = 18 * drift(7, timeMs, seed + 7, 12 * HOUR_MS);
      const local = 6 * drift(s, timeMs, seed + 8, 3 * HOUR_MS);
      return Math.max(2, n * (1 + 0.25 * Math.cos((2 * Math.PI * (h - 8)) / 24)) + regional + local + 2 * noise(s, timeMs, seed, 9));
    }
    case 'power_load':
      return n * (0.45 + 0.2 * bump(h, 11, 3) + 0.33 * bump(h, 20, 2.5)) * (1 + 0.03 * drift(s, timeMs, seed + 10, HOUR_MS)) * (1 + 0.005 * noise(s, timeMs, seed, 11));
    case 'crowd_density': {
      const busy = n < 0.5 ? 0.15 : 0.2 + 0.8 * bump(h, 15, 3) + 0.6 * bump(h, 20, 2);
      return Math.max(0, n * busy * (1 + 0.15 * drift(s, timeMs, seed + 12, HOUR_MS)) + 0.02 * noise(s, timeMs, seed, 13));
    }
    case 'hotline_12345': {
      const daily = 0.25 + 1.3 * bump(h, 10, 3) + 0.8 * bump(h, 16, 3);
      return poisson(n * daily * (intervalS / 60), hash01(s, Math.floor(timeMs / 1000), seed + 14));
    }
    case 'fire_alarm':
      return 0;
  }
}
