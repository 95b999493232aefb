/**
 * Colour scales for building and unit colouring, shared by both views and their legends.
 * A scale is plain data: ordered classes, each with a CSS hex colour, a label and a test.
 */
export interface ColorClass {
  color: string;
  label: string;
  /** Categorical value, or the [min, max) range of a numeric class. */
  value?: string;
  min?: number;
  max?: number;
}

export interface ColorScale {
  /** Property the scale reads (a building metadata property name). */
  property: string;
  title: string;
  /** Unit shown in the legend title, e.g. 'm', 'persons'; '' for categories. */
  unit: string;
  kind: 'categorical' | 'stepped';
  classes: ColorClass[];
}

/** Sequential ramp (viridis-like, readable on dark and light backgrounds). */
const RAMP = ['#440154', '#3b528b', '#21908d', '#5dc963', '#fde725'];

/** A stepped scale over breaks: n breaks make n+1 classes, labelled with their ranges and unit. */
export function steppedScale(property: string, title: string, unit: string, breaks: number[]): ColorScale {
  const bounds = [-Infinity, ...breaks, Infinity];
  const classes = bounds.slice(0, -1).map((min, i) => {
    const max = bounds[i + 1];
    const label = min === -Infinity ? `< ${max} ${unit}` : max === Infinity ? `≥ ${min} ${unit}` : `${min} – ${max} ${unit}`;
    return { color: RAMP[Math.round((i * (RAMP.length - 1)) / (bounds.length - 2))], label, min, max };
  });
  return { property, title, unit, kind: 'stepped', classes };
}

/** The colour of a value under a scale, or null when no class matches. */
export function colorOf(scale: ColorScale, value: unknown): string | null {
  for (const c of scale.classes) {
    if (scale.kind === 'categorical' ? c.value === value : typeof value === 'number' && value >= (c.min ?? -Infinity) && value < (c.max ?? Infinity)) {
      return c.color;
    }
  }
  return null;
}

export const BUILDING_USE_SCALE: ColorScale = {
  property: 'use', title: 'Building use', unit: '', kind: 'categorical',
  classes: [
    ['residential', '#e8c170', 'Residential'], ['commercial', '#e0675a', 'Commercial'], ['office', '#6fa8dc', 'Office'],
    ['industrial', '#9e9e9e', 'Industrial'], ['school', '#8fd16a', 'School'], ['hospital', '#ff4f9a', 'Hospital'],
    ['fire_station', '#ff2a00', 'Fire station'], ['police', '#2a5cff', 'Police'], ['stadium', '#b26bff', 'Stadium'],
    ['government', '#f4f4f4', 'Government'],
  ].map(([value, color, label]) => ({ value, color, label })),
};

/** The building colourings the workspace offers, by id. */
export const BUILDING_SCALES: Record<string, ColorScale> = {
  use: BUILDING_USE_SCALE,
  height: steppedScale('height', 'Height', 'm', [15, 30, 60, 120]),
  floors: steppedScale('floors', 'Floors', 'floors', [5, 10, 20, 40]),
  population: steppedScale('population', 'People present', 'persons', [50, 200, 500, 1500]),
};
