import { compareSkylines, skyline } from '../../analysis/limits/skyline';
import { lineOfSight } from '../../analysis/sight/lineOfSight';
import type { ScenarioCity } from '../city/ScenarioCity';
import { lineFeature, pointFeature, type Feature } from '../layers/GeoJson';
import type { Scenario } from '../schema/Scenario';
import { planningScene } from './planningScene';

/** Skyline sweep of every viewpoint (deg step, m reach). */
const SKYLINE = { stepDeg: 1, maxDistM: 2000 };

/**
 * The site's viewpoints in the city as it stands and in the run's city: the largest skyline rise,
 * and each view corridor (viewpoint -> target) checked for a clear line of sight after.
 */
export function siteViews(s: Scenario, before: ScenarioCity, after: ScenarioCity): { maxRiseDeg: number; corridorsBlocked: number; features: { corridors: Feature[]; skyline: Feature[] } } {
  const b0 = planningScene(before).scene, b1 = planningScene(after).scene, frame = after.frame;
  let maxRiseDeg = 0, corridorsBlocked = 0;
  const corridors: Feature[] = [], sky: Feature[] = [];
  for (const v of s.site?.viewpoints ?? []) {
    const [x, y] = frame.toPlane(v.lonDeg, v.latDeg);
    const eye: [number, number, number] = [x, y, b1.surfaceM(x, y) + (v.eyeHeightM ?? 1.6)];
    const eye0: [number, number, number] = [x, y, b0.surfaceM(x, y) + (v.eyeHeightM ?? 1.6)];
    const p0 = skyline(b0, { eyeM: eye0, ...SKYLINE }), p1 = skyline(b1, { eyeM: eye, ...SKYLINE });
    const change = compareSkylines(p0, p1);
    maxRiseDeg = Math.max(maxRiseDeg, change.maxRiseDeg);
    // Where the skyline is formed after, as a line on the map (drawn at each point's height).
    const outline = Array.from(p1.azimuthDeg, (az, k) => {
      const a = (az * Math.PI) / 180, d = p1.distanceM[k];
      return frame.toLonLat(x + Math.sin(a) * d, y + Math.cos(a) * d);
    });
    sky.push(lineFeature([...outline, outline[0]], { viewpoint: v.id, maxRiseDeg: change.maxRiseDeg, maxRiseAtDeg: change.maxRiseAtDeg, changedPct: Math.round(change.changedShare * 1000) / 10 }));
    for (const t of v.targets ?? []) {
      const [tx, ty] = frame.toPlane(t.lonDeg, t.latDeg);
      const los = lineOfSight(b1, eye, [tx, ty, b1.surfaceM(tx, ty) + (t.heightM ?? 0)]);
      if (!los.visible) corridorsBlocked++;
      corridors.push(lineFeature([[v.lonDeg, v.latDeg], [t.lonDeg, t.latDeg]], { viewpoint: v.id, target: t.id, visible: los.visible, state: los.visible ? 'clear' : 'blocked', distanceM: Math.round(los.distanceM), blockedAtM: los.obstruction ? Math.round(los.obstruction.distanceM) : null }));
      if (los.obstruction) {
        const [lon, lat] = frame.toLonLat(los.obstruction.pointM[0], los.obstruction.pointM[1]);
        corridors.push(pointFeature(lon, lat, { viewpoint: v.id, target: t.id, obstruction: los.obstruction.kind, heightM: Math.round(los.obstruction.pointM[2] * 10) / 10 }));
      }
    }
  }
  return { maxRiseDeg, corridorsBlocked, features: { corridors, skyline: sky } };
}
