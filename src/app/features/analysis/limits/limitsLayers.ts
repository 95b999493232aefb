import type { HeightLimit } from '../../../../analysis/limits/HeightLimit';
import type { LimitExcess } from '../../../../analysis/limits/heightLimitCheck';
import type { SkylineProfile } from '../../../../analysis/limits/skyline';
import type { LocalFrame } from '../../../../geo/LocalFrame';
import type { BuildingRecord } from '../../../../twin/BuildingRecord';
import { BUILDING_COLOR_PRIORITY } from '../../../../view/overlay/buildingColorPriority';
import type { ColorScale } from '../../../../view/overlay/ColorScale';
import type { OverlayLayer, OverlayLine, OverlayPolygon } from '../../../../view/overlay/overlayLayers';
import { growRing, ringCentre } from '../growRing';

export const LIMIT_LAYERS = { offenders: 'limits:offenders', above: 'limits:above', zones: 'limits:zones', skyline: 'limits:skyline' } as const;

const OVER = '#ef4444';
export const LIMIT_SCALE: ColorScale = {
  property: 'excessM', title: 'Above the height limit', unit: '', kind: 'categorical',
  classes: [{ value: 'over', color: OVER, label: 'building above the limit (the part above drawn solid)' }, { value: 'zone', color: '#38bdf8', label: 'height-limit zone (up to its limit)' }],
};

/** At most this many parts above a limit drawn as solids (the table and CSV list them all). */
export const MAX_DRAWN_EXCESS = 2000;

/**
 * A height-limit check as overlay layers: the offending buildings coloured, the part of each above
 * the limit as a solid (from the lowest limit over its footprint to its roof), and a zone plan's
 * zones as translucent volumes up to their limits.
 */
export function limitLayers(excess: readonly LimitExcess[], buildings: ReadonlyArray<BuildingRecord>, limit: HeightLimit, frame: LocalFrame, groundAt: (x: number, y: number) => number): Array<[string, OverlayLayer]> {
  const ring = (r: ReadonlyArray<readonly [number, number]>) => r.flatMap(([x, y]) => frame.toLonLat(x, y));
  const above: OverlayPolygon[] = excess.slice(0, MAX_DRAWN_EXCESS).map((e) => ({
    id: `limit-above-${e.buildingId}`, ringLonLatDeg: ring(growRing(buildings[e.index].footprint, 0.3)), fill: OVER, fillOpacity: 0.6, extrude: { baseM: e.limitM, topM: e.roofM + 0.2 },
  }));
  const out: Array<[string, OverlayLayer]> = [[LIMIT_LAYERS.offenders, { kind: 'featureColors', colors: new Map(excess.map((e) => [e.buildingId, OVER])), priority: BUILDING_COLOR_PRIORITY.analysis }]];
  if (above.length) out.push([LIMIT_LAYERS.above, { kind: 'polygons', polygons: above }]);
  if (limit.kind === 'zones') {
    out.push([LIMIT_LAYERS.zones, {
      kind: 'polygons', polygons: limit.zones.map((z, k) => {
        const [cx, cy] = ringCentre(z.ring), ground = groundAt(cx, cy);
        return { id: `limit-zone-${k}`, ringLonLatDeg: ring(z.ring), fill: '#38bdf8', fillOpacity: 0.12, outline: '#38bdf8', extrude: { baseM: ground - 2, topM: z.reference === 'ground' ? ground + z.maxHeightM : z.maxHeightM } };
      }),
    }]);
  }
  return out;
}

/**
 * Where a skyline is formed, as 3D lines at each azimuth's edge (the roof or ridge seen against the
 * sky); azimuths with open sky break the line.
 */
export function skylineLines(p: SkylineProfile, frame: LocalFrame, id: string, color: string): OverlayLine[] {
  const [ex, ey, ez] = p.eyeM, lines: OverlayLine[] = [], n = p.azimuthDeg.length;
  let ll: number[] = [], hs: number[] = [];
  const flush = () => { if (hs.length >= 2) lines.push({ id: `${id}-${lines.length}`, lonLatDeg: ll, heightsM: hs, color, widthPx: 2 }); ll = []; hs = []; };
  // A full circle closes on its first azimuth.
  const full = n > 1 && Math.abs((p.azimuthDeg[1] - p.azimuthDeg[0]) * n - 360) < 1e-3;
  for (let k = 0; k < n + (full ? 1 : 0); k++) {
    const i = k % n, d = p.distanceM[i];
    if (!(d > 0)) { flush(); continue; }
    const a = (p.azimuthDeg[i] * Math.PI) / 180;
    ll.push(...frame.toLonLat(ex + Math.sin(a) * d, ey + Math.cos(a) * d));
    hs.push(ez + Math.tan((p.elevationDeg[i] * Math.PI) / 180) * d);
  }
  flush();
  return lines;
}
