import type { SunlightPlan, SunlightReport } from '../../../../analysis/sunlight/sunlightStudy';
import type { LocalFrame } from '../../../../geo/LocalFrame';
import type { BuildingRecord } from '../../../../twin/BuildingRecord';
import { BUILDING_COLOR_PRIORITY } from '../../../../view/overlay/buildingColorPriority';
import { colorOf, type ColorScale } from '../../../../view/overlay/ColorScale';
import type { OverlayLayer, OverlayPoint, OverlayPolygon } from '../../../../view/overlay/overlayLayers';
import { rgbaByScale } from '../../../../view/overlay/rgbaByScale';
import { growRing } from '../growRing';

/** The overlay layer ids of a sunlight study. */
export const SUNLIGHT_LAYERS = { samples: 'sunlight:samples', floors: 'sunlight:floors', buildings: 'sunlight:buildings' } as const;

/** Minutes of sun in three classes: none, below the standard's minutes, enough. */
export function sunlightScale(requiredMin: number, day: string): ColorScale {
  return {
    property: 'sunMinutes', title: `Sun on ${day}`, unit: 'min', kind: 'stepped',
    classes: [
      { color: '#7f1d1d', label: 'no sun (0 min)', min: 0, max: 1 },
      { color: '#f97316', label: `1 – ${requiredMin - 1} min (below the standard)`, min: 1, max: requiredMin },
      { color: '#22c55e', label: `≥ ${requiredMin} min (meets it)`, min: requiredMin, max: Infinity },
    ],
  };
}

/** Points drawn this far off the facade (m), so the wall behind does not hide them. */
const POINT_OFF_M = 0.6;
/** Below-standard floor slabs stand this far outside the walls (m), so they do not flicker with them. */
const SLAB_OUT_M = 0.4;

/**
 * The overlay layers of a finished study: every sample a point at its height coloured by its
 * minutes, the floors below the standard as slabs (one extruded footprint per floor), and each
 * studied building coloured by its worst floor (the least sun its best window gets).
 */
export function sunlightLayers(buildings: ReadonlyArray<BuildingRecord>, plan: SunlightPlan, minutes: Float32Array, report: SunlightReport,
  frame: LocalFrame, groundM: (b: BuildingRecord) => number, scale: ColorScale): Array<[string, OverlayLayer]> {
  const s = plan.samples, points: OverlayPoint[] = [];
  for (let i = 0; i < s.count; i++) {
    const x = s.positionM[3 * i] + s.normal[2 * i] * POINT_OFF_M, y = s.positionM[3 * i + 1] + s.normal[2 * i + 1] * POINT_OFF_M;
    const [lonDeg, latDeg] = frame.toLonLat(x, y);
    points.push({ id: `sun-sample-${i}`, lonDeg, latDeg, heightM: s.positionM[3 * i + 2], color: colorOf(scale, minutes[i]) ?? '#94a3b8', sizePx: 6 });
  }
  const index = new Map(buildings.map((b, i) => [b.id, i]));
  const polygons: OverlayPolygon[] = [];
  const worst = new Map<number, number>();
  for (const f of report.floors) {
    const i = index.get(f.buildingId)!;
    worst.set(i, Math.min(worst.get(i) ?? Infinity, f.maxMinutes));
    if (!f.belowStandard) continue;
    const b = buildings[i], floorH = b.heightM / Math.max(1, b.floors), base = groundM(b) + (f.floor - 1) * floorH;
    polygons.push({
      id: `sun-floor-${b.id}-${f.floor}`, ringLonLatDeg: growRing(b.footprint, SLAB_OUT_M).flatMap(([x, y]) => frame.toLonLat(x, y)),
      fill: f.maxMinutes < 1 ? '#7f1d1d' : '#f97316', fillOpacity: 0.55, extrude: { baseM: base + 0.05, topM: base + floorH - 0.05 },
    });
  }
  const out: Array<[string, OverlayLayer]> = [
    [SUNLIGHT_LAYERS.samples, { kind: 'points', points, depthTest: true }],
    [SUNLIGHT_LAYERS.buildings, { kind: 'buildingColors', rgba: rgbaByScale(buildings.length, (i) => worst.get(i), scale), priority: BUILDING_COLOR_PRIORITY.analysis }],
  ];
  if (polygons.length) out.push([SUNLIGHT_LAYERS.floors, { kind: 'polygons', polygons }]);
  return out;
}
