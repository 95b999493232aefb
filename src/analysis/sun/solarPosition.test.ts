import { describe, expect, it } from 'vitest';
import { refractionDeg } from './refraction';
import { solarPosition } from './solarPosition';

/**
 * Published references: NREL's Solar Position Algorithm report (Reda & Andreas, NREL/TP-560-34302,
 * 2008, Table A4.1 example: Golden CO, 820 hPa, 11 deg C, delta T 67 s) and the SPA values pvlib
 * publishes for the next day in its test suite; Meeus, Astronomical Algorithms 2nd ed., examples
 * 25.a (apparent declination and right ascension of 1992 Oct 13.0 TD, VSOP87 values) and 28.a
 * (equation of time the same instant).
 */
const golden = { lon: -105.1786, lat: 39.742476, atm: { pressureHPa: 820, temperatureC: 11, deltaTS: 67 } };

describe('solarPosition', () => {
  it('matches NREL SPA at Golden CO on 2003-10-17 12:30:30 -07:00 to 0.01 deg', () => {
    const p = solarPosition(new Date('2003-10-17T12:30:30-07:00'), golden.lon, golden.lat, golden.atm);
    expect(Math.abs(p.elevationDeg - (90 - 50.11162))).toBeLessThan(0.01);
    expect(Math.abs(p.trueElevationDeg - 39.872046)).toBeLessThan(0.01);
    expect(Math.abs(p.azimuthDeg - 194.34024)).toBeLessThan(0.01);
  });

  it('matches NREL SPA the next day (2003-10-18 12:30:30 -07:00) to 0.01 deg', () => {
    const p = solarPosition(new Date('2003-10-18T12:30:30-07:00'), golden.lon, golden.lat, golden.atm);
    expect(Math.abs(p.elevationDeg - 39.52174)).toBeLessThan(0.01);
    expect(Math.abs(p.trueElevationDeg - 39.505196)).toBeLessThan(0.01);
    expect(Math.abs(p.azimuthDeg - 194.311132)).toBeLessThan(0.01);
  });

  it('matches Meeus examples 25.a and 28.a: declination -7 deg 47\' 01.74", equation of time 13 min 42.6 s', () => {
    // 1992 Oct 13.0 TD = 1992-10-12T23:59:00.8Z with delta T 59.2 s.
    const p = solarPosition(Date.UTC(1992, 9, 13) - 59_200, 0, 0, { deltaTS: 59.2 });
    expect(Math.abs(p.declinationDeg - -(7 + 47 / 60 + 1.74 / 3600))).toBeLessThan(0.01);
    expect(Math.abs(p.equationOfTimeMin - (13 + 42.6 / 60))).toBeLessThan(0.05);
  });

  it('puts the sun due south at true solar noon north of the tropics, with the textbook noon elevation', () => {
    // Chengdu on the winter solstice 2025 (Dec 21 23:03 +08:00 is the solstice; use Dec 22 at noon).
    const noon = Date.UTC(2025, 11, 22, 12) - (104.06 / 15) * 3_600_000;
    const guess = solarPosition(noon, 104.06, 30.66);
    const p = solarPosition(noon - guess.equationOfTimeMin * 60_000, 104.06, 30.66);
    expect(Math.abs(p.hourAngleDeg)).toBeLessThan(0.01);
    expect(Math.abs(p.azimuthDeg - 180)).toBeLessThan(0.02);
    expect(Math.abs(p.trueElevationDeg - (90 - 30.66 + p.declinationDeg))).toBeLessThan(0.01);
  });

  it('measures azimuth clockwise from north: east in the morning, west in the afternoon', () => {
    expect(solarPosition(new Date('2025-06-21T07:00:00+08:00'), 104.06, 30.66).azimuthDeg).toBeLessThan(90);
    expect(solarPosition(new Date('2025-06-21T18:00:00+08:00'), 104.06, 30.66).azimuthDeg).toBeGreaterThan(270);
  });

  it('refracts by about 0.57 deg at the horizon and by nothing once the sun has set', () => {
    expect(refractionDeg(0)).toBeGreaterThan(0.45);
    expect(refractionDeg(0)).toBeLessThan(0.6);
    expect(refractionDeg(45)).toBeCloseTo(0.0167, 3);
    expect(refractionDeg(-5)).toBe(0);
  });

  it('rejects a bad instant or place with a clear error', () => {
    expect(() => solarPosition(Number.NaN, 0, 0)).toThrow(/valid time/);
    expect(() => solarPosition(0, 0, 91)).toThrow(/lat in \[-90, 90\]/);
  });
});
