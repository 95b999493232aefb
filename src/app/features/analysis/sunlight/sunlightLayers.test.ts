import { describe, expect, it } from 'vitest';
import { AnalysisScene } from '../../../../analysis/scene/AnalysisScene';
import { packPrisms } from '../../../../analysis/scene/PrismSet';
import { sunlightMinutes } from '../../../../analysis/sunlight/sunlightMinutes';
import { planSunlight, reportSunlight } from '../../../../analysis/sunlight/sunlightStudy';
import { boxBuilding } from '../../../../analysis/testing/boxBuilding';
import { LocalFrame } from '../../../../geo/LocalFrame';
import { OverlayModel } from '../../../../view/overlay/OverlayModel';
import { SUNLIGHT_LAYERS, sunlightLayers, sunlightScale } from './sunlightLayers';

describe('sunlightLayers', () => {
  it('draws the samples at their heights, the floors below the standard as slabs and the buildings by their worst floor', () => {
    const frame = new LocalFrame(104.06, 30.66);
    // A 60 m tower 20 m south of a 9 m (3-floor) home: its lower floors lose the winter sun.
    const buildings = [boxBuilding('tower', -80, -40, 110, -20, 60, 20, 'office'), boxBuilding('home', 0, 0, 30, 10, 9, 3)];
    const scene = new AnalysisScene({ prisms: packPrisms(buildings.map((b) => ({ ring: b.footprint, baseM: -1, topM: b.heightM }))), dem: null });
    const plan = planSunlight(buildings, [1], () => 0, (x, y) => frame.toLonLat(x, y), { date: '2026-01-20', spacingM: 5, stepMin: 5 });
    const minutes = sunlightMinutes(scene, plan.samples, plan.path);
    const report = reportSunlight(buildings, plan, minutes);
    const scale = sunlightScale(plan.standard.requiredMin, '2026-01-20');
    const layers = new Map(sunlightLayers(buildings, plan, minutes, report, frame, () => 0, scale));
    const model = new OverlayModel();
    for (const [id, l] of layers) model.set(id, l);
    const points = layers.get(SUNLIGHT_LAYERS.samples)!;
    expect(points.kind === 'points' && points.points.length).toBe(plan.samples.count);
    if (points.kind === 'points') expect(points.points[0].heightM).toBeCloseTo(0.9, 6);
    const below = report.floors.filter((f) => f.belowStandard);
    expect(below.length).toBeGreaterThan(0);
    const slabs = layers.get(SUNLIGHT_LAYERS.floors)!;
    expect(slabs.kind === 'polygons' && slabs.polygons.length).toBe(below.length);
    if (slabs.kind === 'polygons') expect(slabs.polygons[0].extrude!.baseM).toBeCloseTo((below[0].floor - 1) * 3 + 0.05, 6);
    const colours = layers.get(SUNLIGHT_LAYERS.buildings)!;
    if (colours.kind !== 'buildingColors') throw new Error('expected building colours');
    expect(colours.rgba[3]).toBe(0); // the tower was not studied
    expect(colours.rgba[7]).toBe(255);
    const worst = Math.min(...report.floors.map((f) => f.maxMinutes));
    expect(Array.from(colours.rgba.subarray(4, 7))).toEqual(worst < 1 ? [0x7f, 0x1d, 0x1d] : worst < 120 ? [0xf9, 0x73, 0x16] : [0x22, 0xc5, 0x5e]);
  });
});
