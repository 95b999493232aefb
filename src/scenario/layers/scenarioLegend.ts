import type { ColorClass, ColorScale } from '../../view/overlay/ColorScale';
import type { ResultLayer } from '../run/RunResult';

/**
 * The legend of a run's result layers: one entry per layer (its colour and title), and one per
 * class of a layer coloured by a property (its categories, or '≥ threshold' for its stops).
 * Null when there are no layers.
 */
export function scenarioLegend(layers: readonly ResultLayer[], title = 'Scenario layers'): ColorScale | null {
  const classes: ColorClass[] = [];
  for (const l of layers) {
    const by = l.style.colorBy;
    if (by?.categories) for (const [value, color] of Object.entries(by.categories)) classes.push({ color, label: `${l.title}: ${value}`, value: `${l.id}:${value}` });
    else if (by?.stops) for (const [threshold, color] of by.stops) classes.push({ color, label: `${l.title}: ≥ ${threshold} ${unitOf(by.property)}`.trim(), value: `${l.id}:${threshold}` });
    else classes.push({ color: l.style.color, label: l.title, value: l.id });
  }
  return classes.length ? { property: 'layer', title, unit: '', kind: 'categorical', classes } : null;
}

/** The unit a colour-by property carries in its name (depthM -> m); '' for counts. */
function unitOf(property: string): string {
  return /M$/.test(property) ? 'm' : /S$/.test(property) ? 's' : '';
}
