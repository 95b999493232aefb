import type { KpiId } from '../kpi/kpiCatalog';
import type { Feature } from '../layers/GeoJson';

/**
 * A KPI value: a number in the KPI's unit, or null for "never" / "not reached" (e.g. 90 % of
 * evacuees safe when shelters hold fewer than that). JSON-able.
 */
export type KpiValue = number | null;

/** One scalar over the timeline (values parallel to RunTimeline.timesS). */
export interface TimelineSeries {
  id: string;
  label: string;
  unit: string;
  values: number[];
}

/** What changes over time in a run: frame times and scalar series sampled at them. */
export interface RunTimeline {
  /** Frame times (s since the scenario start), 0 first, the duration last. */
  timesS: number[];
  series: TimelineSeries[];
}

/** Colour by a feature property: by thresholds (the colour of the highest stop <= value) or by category. */
export interface ColorBy {
  property: string;
  /** [threshold, css colour] ascending by threshold. */
  stops?: Array<[number, string]>;
  categories?: Record<string, string>;
}

/** How views draw a layer (CSS colours; sizes in CSS pixels). */
export interface LayerStyle {
  /** Colour of features that colorBy does not colour. */
  color: string;
  colorBy?: ColorBy;
  fillOpacity?: number;
  lineWidthPx?: number;
  pointSizePx?: number;
  /** The features name buildings (property `id`) that the views take away: removed or flattened by the run. */
  hidesBuildings?: boolean;
}

/**
 * A result layer as GeoJSON features: `features` show all the time, `frames[k]` only at frame k of
 * the timeline (e.g. the flood extent at each output time).
 */
export interface ResultLayer {
  id: string;
  title: string;
  style: LayerStyle;
  features?: Feature[];
  frames?: Feature[][];
}

/** The outcome of one run (a scenario's baseline or one variant): plain JSON, cached by hash. */
export interface RunResult {
  scenarioId: string;
  variant: string;
  /** sha-256 (hex) of the canonical scenario + variant + code version: the cache key. */
  hash: string;
  /** Modules that ran, in order. */
  modules: string[];
  /** Every KPI the modules computed (the scenario's `kpis` pick the ones reported). */
  kpis: Partial<Record<KpiId, KpiValue>>;
  timeline: RunTimeline;
  layers: ResultLayer[];
  /** Wall-clock time of the run (ms); a cached result keeps the original. */
  wallMs: number;
}
