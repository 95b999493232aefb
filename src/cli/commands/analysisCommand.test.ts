import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import geographiclib from 'geographiclib-geodesic';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFrame } from '../../geo/LocalFrame';
import { boxBuilding } from '../../analysis/testing/boxBuilding';
import { UsageError } from '../args';
import { run } from './analysis';

/** A tiny city on disk: a 300 m long, 40 m high office slab and, 30 m north of it, a 10-floor residential slab. */
function writeCity(root: string): void {
  const frame = new LocalFrame(104.06, 30.66), dir = join(root, 'mini');
  mkdirSync(dir, { recursive: true });
  const buildings = [boxBuilding('T1', -150, -20, 150, 20, 40, 12, 'office'), boxBuilding('R1', -30, 50, 30, 62, 30, 10)];
  writeFileSync(join(dir, 'city.json'), JSON.stringify({ name: 'mini', origin: { lonDeg: 104.06, latDeg: 30.66 } }));
  writeFileSync(join(dir, 'buildings.geojson'), JSON.stringify({
    type: 'FeatureCollection',
    features: buildings.map(({ footprint, ...p }) => ({ type: 'Feature', properties: p, geometry: { type: 'Polygon', coordinates: [[...footprint, footprint[0]].map(([x, y]) => frame.toLonLat(x, y))] } })),
  }));
}

describe('analysis command', () => {
  const root = mkdtempSync(join(tmpdir(), 'analysis-cli-'));
  writeCity(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('prints the sun\'s apparent elevation and azimuth for a place and an instant with offset', async () => {
    const out = (await run(['sun', '--at', '104.06,30.66', '--time', '2026-01-20T12:00:00+08:00'])) as Record<string, number | string>;
    expect(Object.keys(out).slice(0, 2)).toEqual(['elevationDeg', 'azimuthDeg']);
    // 12:00 Beijing time is 11:19 true solar time in Chengdu: the sun is south-south-east, 36 deg up.
    expect(out.elevationDeg).toBeCloseTo(36.16, 1);
    expect(out.azimuthDeg).toBeCloseTo(158.15, 1);
    expect(out.conventions).toMatch(/apparent elevation .*refraction.*clockwise from true north/);
  });

  it('counts sun minutes per facade sample and lists the residential floors below 大寒 2 h north of a tower', async () => {
    const csv = join(root, 'floors.csv');
    const out = (await run(['sunlight', '--city', 'mini', '--tilesets', root, '--buildings', 'R1,T1', '--date', '2026-01-20', '--spacing', '6', '--step', '2', '--workers', '2', '--floors-csv', csv])) as any;
    expect(out.sampleCount).toBe(out.samples.length);
    expect(out.samples[0]).toMatchObject({ buildingId: 'R1', floor: 1, facade: 0 });
    const below = out.belowStandard as Array<{ buildingId: string; floors: number[] }>;
    expect(below.map((b) => b.buildingId)).toEqual(['R1']); // the office tower is not residential
    // By hand: the south facade (29.9 m from the slab) sees the sun over it only when the sun's profile
    // angle tan(el) / -cos(az), at most tan(39.2 deg) = 0.816 at noon, beats (40 - sill) / 29.9: never
    // for floors 1-5 (sills 0.9-12.9 m), around noon from floor 6 (15.9 m: 0.806).
    const south = (floor: number) => (out.samples as any[]).filter((x) => x.buildingId === 'R1' && x.facade === 0 && x.floor === floor).map((x) => x.minutes);
    for (const f of [1, 2, 3, 4, 5]) expect(Math.max(...south(f))).toBe(0);
    expect(Math.min(...south(6))).toBeGreaterThan(0);
    expect(below[0].floors.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(below[0].floors).not.toContain(10);
    const r1 = (out.floors as any[]).filter((f) => f.buildingId === 'R1');
    expect(r1[0].maxMinutes).toBeLessThan(120);
    expect(r1[9].maxMinutes).toBeGreaterThanOrEqual(120);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toBe('buildingId,use,floor,maxSunMinutes,meanSunMinutes,samples,belowStandard');
    const summary = (await run(['sunlight', '--city', 'mini', '--tilesets', root, '--buildings', 'R1', '--date', '2026-01-20', '--spacing', '6', '--step', '2', '--workers', '1', '--summary'])) as any;
    expect(summary.samples).toBeUndefined();
    expect(summary.belowStandard).toEqual(below.filter((b) => b.buildingId === 'R1'));
  }, 60_000);

  it('answers line of sight, viewshed, height limits and measurement on the same city', async () => {
    const frame = new LocalFrame(104.06, 30.66), at = (x: number, y: number) => frame.toLonLat(x, y).join(',');
    const base = ['--city', 'mini', '--tilesets', root];
    // From 100 m south of the slab to 100 m north of the homes, at 2 m: the slab's south wall is in the way.
    const los = (await run(['los', ...base, '--from', `${at(0, -120)},2`, '--to', `${at(0, 130)},2`])) as any;
    expect(los.visible).toBe(false);
    expect(los.obstruction).toMatchObject({ kind: 'building', buildingId: 'T1' });
    expect(los.obstruction.distanceM).toBeCloseTo(100, 1);
    expect(((await run(['los', ...base, '--from', `${at(0, -120)},60`, '--to', `${at(0, 130)},60`])) as any).visible).toBe(true);
    const vs = (await run(['viewshed', ...base, '--at', at(0, -100), '--radius', '200', '--cell', '10'])) as any;
    expect(vs.visibleCells).toBeGreaterThan(0);
    expect(vs.visibleCells).toBeLessThan(vs.cellsInRadius);
    const limits = (await run(['limits', ...base, '--height', '35'])) as any;
    expect(limits.buildings.map((b: any) => [b.buildingId, b.excessM, b.floorsAbove])).toEqual([['T1', 5, 2]]);
    const d = (await run(['measure', '--from', '104.06,30.66,500', '--to', '104.07,30.66,500'])) as any;
    expect(d.geodesicM).toBeCloseTo(geographiclib.Geodesic.WGS84.Inverse(30.66, 104.06, 30.66, 104.07).s12!, 2);
    expect(((await run(['measure', '--area', `${at(0, 0)};${at(100, 0)};${at(100, 100)};${at(0, 100)}`])) as any).areaM2).toBeCloseTo(10_000, 0);
    const prof = (await run(['measure', ...base, '--profile', `${at(0, -50)};${at(0, 80)}`, '--step', '10'])) as any;
    const mid = prof.samples.reduce((a: any, b: any) => (Math.abs(b.distanceM - 50) < Math.abs(a.distanceM - 50) ? b : a)); // y = 0, in the slab
    expect(mid).toMatchObject({ buildingId: 'T1', surfaceM: 40, groundM: 0 });
    expect(prof.horizontalM).toBeCloseTo(130, 1);
  });

  it('rejects bad input naming the flag and what it expects', async () => {
    await expect(run(['moon'])).rejects.toThrow(UsageError);
    await expect(run(['limits', '--city', 'mini', '--tilesets', root])).rejects.toThrow(/expects --height M .* or --zones FILE/);
    await expect(run(['measure', '--area', '104,30;105,30'])).rejects.toThrow(/--area expects at least 3 points/);
    await expect(run(['sun', '--at', '104.06,30.66', '--time', '2026-01-20T12:00:00'])).rejects.toThrow(/--time expects an ISO-8601 date-time with a UTC offset/);
    await expect(run(['sunlight', '--city', 'mini', '--tilesets', root, '--buildings', 'R9', '--date', '2026-01-20'])).rejects.toThrow(/mini\/buildings.geojson has no building "R9"/);
    await expect(run(['sunlight', '--city', 'mini', '--tilesets', root, '--buildings', 'R1', '--date', '2026-02-30'])).rejects.toThrow(/expected a calendar date YYYY-MM-DD, got "2026-02-30"/);
    await expect(run(['sunlight', '--city', 'nowhere', '--tilesets', root, '--buildings', 'R1', '--date', '2026-01-20'])).rejects.toThrow(/no such city/);
  });
});
