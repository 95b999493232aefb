import type { Feature, FeatureCollection } from '../layers/GeoJson';
import { frameAt } from '../run/frameTimes';
import type { RunResult } from '../run/RunResult';

/**
 * A run's layers as one GeoJSON FeatureCollection: every static feature, and the time-varying ones
 * of the frame shown at `timeS` (or of every frame with `'all'`). Each feature names its scenario,
 * variant, layer and (for frames) the frame time in its properties.
 */
export function resultGeoJson(r: RunResult, timeS: number | 'all'): FeatureCollection {
  const out: Feature[] = [];
  const tag = (f: Feature, layer: string, title: string, t: number | null): Feature => ({
    ...f, properties: { ...f.properties, scenario: r.scenarioId, variant: r.variant, layer, layerTitle: title, ...(t === null ? {} : { frameTimeS: t }) },
  });
  const frames = timeS === 'all' ? r.timeline.timesS.map((_, k) => k) : [frameAt(r.timeline.timesS, timeS)];
  for (const l of r.layers) {
    for (const f of l.features ?? []) out.push(tag(f, l.id, l.title, null));
    if (l.frames) for (const k of frames) for (const f of l.frames[k] ?? []) out.push(tag(f, l.id, l.title, r.timeline.timesS[k]));
  }
  return { type: 'FeatureCollection', features: out };
}
