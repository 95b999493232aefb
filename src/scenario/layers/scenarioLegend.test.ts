import { describe, expect, it } from 'vitest';
import { scenarioLegend } from './scenarioLegend';

describe('scenarioLegend', () => {
  it('lists each layer, and each class of a layer coloured by a property, with units', () => {
    const legend = scenarioLegend([
      { id: 'plume-now', title: 'Gas now', style: { color: '#facc15' } },
      { id: 'flooded', title: 'Flooded buildings', style: { color: '#fdba74', colorBy: { property: 'depthM', stops: [[0, '#fdba74'], [0.3, '#f97316']] } } },
    ])!;
    expect(legend.classes.map((c) => [c.color, c.label])).toEqual([
      ['#facc15', 'Gas now'], ['#fdba74', 'Flooded buildings: ≥ 0 m'], ['#f97316', 'Flooded buildings: ≥ 0.3 m'],
    ]);
    expect(scenarioLegend([])).toBeNull();
  });
});
