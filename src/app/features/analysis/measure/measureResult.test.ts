import { describe, expect, it } from 'vitest';
import { geodesicInverse } from '../../../../analysis/measure/geodesic';
import { OverlayModel } from '../../../../view/overlay/OverlayModel';
import { formatArea, formatLength, MEASURE_LAYERS, measureLayers, polygonMeasures, polylineLengths } from './measureResult';

describe('measureResult', () => {
  it('sums geodesic and straight lengths and the climb of a polyline', () => {
    const pts: Array<[number, number, number]> = [[104.06, 30.66, 500], [104.07, 30.66, 500], [104.07, 30.67, 530]];
    const r = polylineLengths(pts);
    const g = geodesicInverse([104.06, 30.66], [104.07, 30.66]).distanceM + geodesicInverse([104.07, 30.66], [104.07, 30.67]).distanceM;
    expect(r.geodesicM).toBeCloseTo(g, 6);
    expect(r.straightM).toBeGreaterThan(r.geodesicM - 0.1);
    expect(r.heightDiffM).toBe(30);
    expect(r.segmentsM).toHaveLength(2);
  });

  it('measures a 100 m square as 1 ha with a 400 m perimeter', () => {
    const dLon = 100 / (111_320 * Math.cos((30.66 * Math.PI) / 180)), dLat = 100 / 110_860;
    const sq: Array<[number, number, number]> = [[104.06, 30.66, 0], [104.06 + dLon, 30.66, 0], [104.06 + dLon, 30.66 + dLat, 0], [104.06, 30.66 + dLat, 0]];
    const m = polygonMeasures(sq);
    expect(m.areaM2).toBeGreaterThan(9_900);
    expect(m.areaM2).toBeLessThan(10_100);
    expect(m.perimeterM).toBeCloseTo(400, -1);
    expect(formatArea(m.areaM2)).toMatch(/^9,9\d\d m² \(0\.99 ha\)$|^10,0\d\d m² \(1\.00 ha\)$/);
  });

  it('draws points, a 3D line with a label per segment and the total, all valid overlay layers', () => {
    const pts: Array<[number, number, number]> = [[104.06, 30.66, 500], [104.061, 30.66, 510]];
    const layers = new Map(measureLayers('distance', pts, 'total 95.8 m'));
    const model = new OverlayModel();
    for (const [id, l] of layers) model.set(id, l);
    const line = layers.get(MEASURE_LAYERS.line)!;
    expect(line.kind === 'lines' && Array.from(line.lines[0].heightsM!)).toEqual([501, 511]);
    const labels = layers.get(MEASURE_LAYERS.labels)!;
    expect(labels.kind === 'labels' && labels.labels.map((l) => l.text)).toEqual([formatLength(polylineLengths(pts).segmentsM[0]), 'total 95.8 m']);
    expect(formatLength(12_345.6)).toBe('12.346 km');
  });
});
