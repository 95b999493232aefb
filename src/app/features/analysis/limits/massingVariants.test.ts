import { describe, expect, it } from 'vitest';
import { boxBuilding } from '../../../../analysis/testing/boxBuilding';
import { LocalFrame } from '../../../../geo/LocalFrame';
import { shippedScenarios } from '../../../../scenario/io/shippedScenarios';
import { massingVariants, sceneAfter } from './massingVariants';

describe('massingVariants', () => {
  it('offers the shipped variants that add or clear buildings and builds the city after one', () => {
    const scenarios = shippedScenarios();
    const offered = massingVariants(scenarios).map(([v]) => v);
    expect(offered).toEqual(expect.arrayContaining(['new-tower-sunlight/tower', 'new-tower-sunlight/mid-rise']));
    const frame = new LocalFrame(104.06, 30.66);
    const shed = boxBuilding('B015033', ...(() => { const [x, y] = frame.toPlane(104.1051, 30.6746); return [x, y, x + 20, y + 20] as const; })(), 9, 3, 'industrial');
    const after = sceneAfter('new-tower-sunlight/tower', scenarios, [shed, boxBuilding('other', 0, 0, 10, 10, 30)], null, frame);
    expect(after).toMatchObject({ proposed: 1, cleared: 1 });
    expect(after.data.prisms.count).toBe(2);
    expect(Math.max(...after.data.prisms.topM)).toBeCloseTo(99, 6);
    expect(() => sceneAfter('nope/x', scenarios, [], null, frame)).toThrow(/no scenario "nope"/);
  });
});
