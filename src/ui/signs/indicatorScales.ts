import { SENSOR_KIND_SPECS, type SensorKind } from '../../signs/schema/sensorKinds';
import type { ColorClass, ColorScale } from '../../view/overlay/ColorScale';

/** Normal -> severe: green, yellow-green, yellow, orange, red, purple. */
const RAMP = ['#16a34a', '#84cc16', '#facc15', '#f97316', '#ef4444', '#7e22ce'];
const PM25 = ['#00e400', '#ffff00', '#ff7e00', '#ff0000', '#99004c', '#7e0023'];

/** Class breaks per kind, in the kind's unit, matched to the shipped rules' levels. */
const BREAKS: Record<SensorKind, number[]> = {
  water_level: [3, 4, 5],
  rainfall: [0.1, 10, 20, 50],
  traffic_speed: [10, 20, 35, 50],
  air_quality: [35, 75, 115, 150, 250],
  power_load: [20, 40, 60, 80],
  crowd_density: [0.5, 1, 2, 4],
  hotline_12345: [1, 3, 5, 10],
  fire_alarm: [1],
};

const AGG_TEXT = { mean: 'mean', max: 'max', sum: 'total' } as const;
const round = (v: number) => String(Math.round(v * 100) / 100);

/**
 * The colour scale of an indicator (for unit colouring in both views and their legends): stepped
 * classes over the kind's breaks, labelled with the unit; traffic speed runs red (slow) to green.
 * PM2.5 uses the official Chinese AQI colours.
 */
export function indicatorScale(kind: SensorKind): ColorScale {
  const spec = SENSOR_KIND_SPECS[kind], breaks = BREAKS[kind], unit = spec.unitLabel;
  const bounds = [-Infinity, ...breaks, Infinity];
  const n = bounds.length - 1;
  // Spread the classes over the palette; purple only when there are six classes.
  const palette = (kind === 'air_quality' ? PM25 : RAMP).slice(0, n >= 6 ? 6 : 5);
  const classes: ColorClass[] = bounds.slice(0, -1).map((min, i) => {
    const max = bounds[i + 1];
    const rank = kind === 'traffic_speed' ? n - 1 - i : i;
    const color = palette[Math.round((rank * (palette.length - 1)) / (n - 1))];
    const label = min === -Infinity ? `< ${round(max)} ${unit}` : max === Infinity ? `≥ ${round(min)} ${unit}` : `${round(min)} – ${round(max)} ${unit}`;
    return { color, label, min, max };
  });
  return { property: `indicator:${kind}`, title: `${spec.title} · ${AGG_TEXT[spec.aggregation]} per unit`, unit, kind: 'stepped', classes };
}

/** CSS colour of an indicator value, or null for NaN (no fresh sensor). */
export function indicatorColour(scale: ColorScale, value: number): string | null {
  if (value !== value) return null;
  for (const c of scale.classes) if (value >= (c.min ?? -Infinity) && value < (c.max ?? Infinity)) return c.color;
  return null;
}
