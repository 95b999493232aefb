import { describe, expect, it } from 'vitest';
import { buildingsAboveLimit } from '../../../../analysis/limits/heightLimitCheck';
import { skyline } from '../../../../analysis/limits/skyline';
import { AnalysisScene } from '../../../../analysis/scene/AnalysisScene';
import { packPrisms } from '../../../../analysis/scene/PrismSet';
import { boxBuilding } from '../../../../analysis/testing/boxBuilding';
import { LocalFrame } from '../../../../geo/LocalFrame';
import { OverlayModel } from '../../../../view/overlay/OverlayModel';
import { LIMIT_LAYERS, limitLayers, skylineLines } from './limitsLayers';

const frame = new LocalFrame(104.06, 30.66);
const buildings = [boxBuilding('low', 0, 0, 20, 20, 18), boxBuilding('tall', 100, 0, 120, 20, 60)];
const scene = new AnalysisScene({ prisms: packPrisms(buildings.map((b) => ({ ring: b.footprint, baseM: -1, topM: b.heightM }))), dem: null });

describe('limitLayers', () => {
  it('colours the buildings above a 24 m limit and draws the part above it as a solid', () => {
    const limit = { kind: 'flat' as const, heightM: 24, reference: 'ground' as const };
    const excess = buildingsAboveLimit(scene, buildings, limit);
    const layers = new Map(limitLayers(excess, buildings, limit, frame, () => 0));
    const model = new OverlayModel();
    for (const [id, l] of layers) model.set(id, l);
    const offenders = layers.get(LIMIT_LAYERS.offenders)!;
    expect(offenders.kind === 'featureColors' && [...offenders.colors.keys()]).toEqual(['tall']);
    const above = layers.get(LIMIT_LAYERS.above)!;
    expect(above.kind === 'polygons' && above.polygons[0].extrude).toEqual({ baseM: 24, topM: 60.2 });
  });

  it('draws zones of a plan up to their limits', () => {
    const limit = { kind: 'zones' as const, zones: [{ ring: [[-10, -10], [200, -10], [200, 50], [-10, 50]] as Array<[number, number]>, maxHeightM: 50, reference: 'ground' as const }] };
    const layers = new Map(limitLayers(buildingsAboveLimit(scene, buildings, limit), buildings, limit, frame, () => 5));
    const zones = layers.get(LIMIT_LAYERS.zones)!;
    expect(zones.kind === 'polygons' && zones.polygons[0].extrude).toEqual({ baseM: 3, topM: 55 });
  });
});

describe('skylineLines', () => {
  it('traces the roof edges seen from a viewpoint at their heights, broken where the sky is open', () => {
    const p = skyline(scene, { eyeM: [60, -100, 1.6], stepDeg: 1, maxDistM: 500 });
    const lines = skylineLines(p, frame, 'sky', '#fff');
    expect(lines).toHaveLength(2);
    const tall = lines.find((l) => Math.max(...Array.from(l.heightsM!)) > 59)!;
    for (const h of Array.from(tall.heightsM!)) expect(h).toBeCloseTo(60, 3);
  });
});
