import { describe, expect, it } from 'vitest';
import { AnalysisScene } from '../../../../analysis/scene/AnalysisScene';
import { packPrisms } from '../../../../analysis/scene/PrismSet';
import { lineOfSight } from '../../../../analysis/sight/lineOfSight';
import { viewshed } from '../../../../analysis/sight/viewshed';
import { LocalFrame } from '../../../../geo/LocalFrame';
import { colorOf } from '../../../../view/overlay/ColorScale';
import { OverlayModel } from '../../../../view/overlay/OverlayModel';
import { SIGHT_LAYERS, sightLineLayers, viewshedLayer, VIEWSHED_SCALE } from './sightLayers';

const frame = new LocalFrame(104.06, 30.66);
/** A 30 m block from x 40 to 60 on flat ground at 0 m. */
const scene = new AnalysisScene({ prisms: packPrisms([{ ring: [[40, -50], [60, -50], [60, 50], [40, 50]], baseM: -1, topM: 30 }]), dem: null });

describe('sightLayers', () => {
  it('draws a blocked sight line green to the wall and red beyond, in 3D', () => {
    const from: [number, number, number] = [0, 0, 1.6], to: [number, number, number] = [100, 0, 1.6];
    const layers = new Map(sightLineLayers(lineOfSight(scene, from, to), from, to, frame));
    const line = layers.get(SIGHT_LAYERS.line)!;
    if (line.kind !== 'lines') throw new Error('expected lines');
    expect(line.lines.map((l) => l.color)).toEqual(['#22c55e', '#ef4444']);
    expect(Array.from(line.lines[0].heightsM!)).toEqual([1.6, 1.6]);
    expect(frame.toPlane(line.lines[0].lonLatDeg[2], line.lines[0].lonLatDeg[3])[0]).toBeCloseTo(40, 6);
    const ends = layers.get(SIGHT_LAYERS.ends)!;
    expect(ends.kind === 'points' && ends.points.map((p) => p.id)).toEqual(['sight-eye', 'sight-target', 'sight-obstruction']);
    new OverlayModel().set('x', line);
  });

  it('drapes a viewshed with the hidden cells behind the block red and the rest green', () => {
    const v = viewshed(scene, { observerM: [0, 0], radiusM: 100, cellSizeM: 5 });
    const grid = viewshedLayer(v, frame);
    new OverlayModel().set('vs', grid);
    const at = (x: number, y: number) => grid.values[Math.floor((y - v.originM[1]) / 5) * grid.cols + Math.floor((x - v.originM[0]) / 5)];
    expect(colorOf(VIEWSHED_SCALE, at(20, 0))).toBe('#22c55e');
    expect(colorOf(VIEWSHED_SCALE, at(90, 0))).toBe('#ef4444');
    expect(at(95, 95)).toBeNaN();
    expect(frame.toPlane(grid.westDeg, grid.southDeg)[0]).toBeCloseTo(v.originM[0], 6);
  });
});
