import { requireFlag, UsageError, type ParsedArgs } from '../args';
import { numberFlag } from '../commands/numberFlag';
import { elevationProfile, measureAreaM2, measureDistance } from '../../analysis/measure/measure';
import { cityScene, parsePointFlag } from './cityScene';

const r2 = (v: number) => Math.round(v * 100) / 100;

/** Parses "LON,LAT;LON,LAT;..." naming the flag. */
function parseLine(text: string, flag: string, min: number): Array<[number, number]> {
  const pts = text.split(';').filter(Boolean).map((t) => t.split(',').map(Number));
  if (pts.length < min || pts.some((q) => q.length !== 2 || q.some((v) => !Number.isFinite(v)))) throw new UsageError(`--${flag} expects at least ${min} points "LON,LAT;LON,LAT;...", got "${text}"`);
  return pts as Array<[number, number]>;
}

/**
 * `analysis measure --from LON,LAT[,H] --to LON,LAT[,H]` (geodesic, straight 3D and vertical
 * distance, m; H ellipsoidal), `analysis measure --area "LON,LAT;..."` (m²), or
 * `analysis measure --city NAME --profile "LON,LAT;..." [--step M]` (elevation profile over
 * terrain and roofs, horizontal and surface length).
 */
export function measureCommand(p: ParsedArgs): unknown {
  if (p.flags.has('area')) return { areaM2: r2(measureAreaM2(parseLine(requireFlag(p, 'area', '"LON,LAT;LON,LAT;LON,LAT"'), 'area', 3))) };
  if (p.flags.has('profile')) {
    const { city, scene, buildingOf } = cityScene(p);
    const line = parseLine(requireFlag(p, 'profile', '"LON,LAT;LON,LAT;..."'), 'profile', 2).map(([lon, lat]) => city.frame.toPlane(lon, lat));
    const r = elevationProfile(scene, line, numberFlag(p, 'step', 10, 0.5, 'm'), (x, y) => city.frame.toLonLat(x, y));
    return {
      horizontalM: r2(r.horizontalM), surfaceM: r2(r.surfaceM),
      samples: r.samples.map((s) => ({ distanceM: r2(s.distanceM), lonDeg: s.lonDeg, latDeg: s.latDeg, groundM: r2(s.groundM), surfaceM: r2(s.surfaceM), buildingId: buildingOf(s.prism) })),
    };
  }
  const a = parsePointFlag(p, 'from'), b = parsePointFlag(p, 'to');
  const d = measureDistance([a[0], a[1], a[2] ?? 0], [b[0], b[1], b[2] ?? 0]);
  return { geodesicM: r2(d.geodesicM), straightM: r2(d.straightM), heightDiffM: r2(d.heightDiffM), azimuthDeg: r2(d.azimuthDeg) };
}
