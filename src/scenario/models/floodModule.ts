import { floodGridFromCity } from '../../sim/flood/floodGridFromCity';
import { floodParams } from '../../sim/flood/FloodParams';
import { runFlood } from '../../sim/flood/runFlood';
import type { TimeSeries } from '../../sim/core/TimeSeries';
import { pointFeature, polygonFeature, type Feature } from '../layers/GeoJson';
import { maskFeature, thresholdMask } from '../layers/maskFeature';
import type { ModuleContext, ModuleOutput, RunModule } from '../run/ModuleContext';
import type { Scenario } from '../schema/Scenario';
import { regionPlane } from './regionPlane';

/** Defaults of `models.flood`. */
export const FLOOD_DEFAULTS = { cellSizeM: 10, manningN: 0.03, drainageMmPerHour: 20, floodedAreaM: 0.05, buildingM: 0.15, roadM: 0.3, workers: 1 };

/** All rainfall events as one step hyetograph (mm/h): intensities add where events overlap. */
export function combinedRainfall(s: Scenario): TimeSeries {
  const rains = s.events.filter((e) => e.kind === 'rainfall');
  const times = [...new Set(rains.flatMap((r) => r.series.map((p) => p.atS)))].sort((a, b) => a - b);
  const at = (series: ReadonlyArray<{ atS: number; mmPerHour: number }>, t: number) => {
    let v = 0;
    for (const p of series) if (p.atS <= t) v = p.mmPerHour;
    return v;
  };
  if (times[0] !== 0) times.unshift(0);
  return { timesS: times, values: times.map((t) => rains.reduce((sum, r) => sum + at(r.series, t), 0)), mode: 'step' };
}

/**
 * Rainstorm waterlogging over the scenario region: the local-inertial flood solver of src/sim/flood
 * on the demo city's DEM with buildings as walls, rain from the rainfall events, drainage from the
 * settings plus every upgradeDrainage intervention, open sides. KPIs from the run; per frame the
 * flood extent, deep water and impassable roads (handed to the routing modules as closures).
 */
export const floodModule: RunModule = {
  name: 'flood',
  async run(ctx: ModuleContext): Promise<ModuleOutput> {
    const s = ctx.scenario, o = { ...FLOOD_DEFAULTS, ...s.models?.flood }, frame = ctx.city.frame;
    const drainage = o.drainageMmPerHour + s.interventions.reduce((sum, i) => sum + (i.kind === 'upgradeDrainage' ? i.extraMmPerHour : 0), 0);
    const setup = floodGridFromCity(ctx.city.city, { cellSizeM: o.cellSizeM, bboxM: regionPlane(s, frame) });
    const params = floodParams({
      manningN: o.manningN, rainfallMmPerH: combinedRainfall(s), drainageMmPerH: drainage,
      boundaries: { west: 'open', east: 'open', south: 'open', north: 'open' },
    });
    const runner = await ctx.env.createFloodRunner(setup.grid, params, o.workers);
    const thresholds = { floodedAreaM: o.floodedAreaM, buildingM: o.buildingM, roadM: o.roadM };
    const extent: Feature[][] = [[]], deep: Feature[][] = [[]], roads: Feature[][] = [[]];
    const area = [0], flooded = [0], people = [0], cut = [0];
    const impassable: Array<Array<[number, number]>> = [[]];
    const g = setup.grid, mask = new Uint8Array(g.width * g.height), cellM2 = g.cellSizeM ** 2;
    try {
      const result = await runFlood(runner, setup, {
        durationS: s.durationS, outputIntervalS: ctx.timesS[1] - ctx.timesS[0], thresholds, signal: ctx.signal, keepFrames: false,
        onProgress: (p) => ctx.onProgress(p.fraction),
        onFrame: (f) => {
          const wet = thresholdMask(f.depthM, o.floodedAreaM, mask).reduce((a, b) => a + b, 0);
          area.push(wet * cellM2);
          extent.push(featureOrNone(maskFeature(g, mask, frame, { timeS: f.timeS, depthAboveM: o.floodedAreaM, areaM2: wet * cellM2 })));
          deep.push(featureOrNone(maskFeature(g, thresholdMask(f.depthM, o.roadM, mask), frame, { timeS: f.timeS, depthAboveM: o.roadM })));
          roads.push(f.impassable.map((p) => pointFeature(p.lonDeg, p.latDeg, { roadId: p.roadId, depthM: Math.round(p.depthM * 100) / 100 })));
          impassable.push(f.impassable.map((p) => [p.lonDeg, p.latDeg]));
          flooded.push(f.flooded.indices.length);
          people.push(f.flooded.people);
          cut.push(f.impassable.length);
        },
      });
      ctx.shared.floodImpassable = impassable;
      const k = result.kpis;
      const byId = new Map(ctx.city.city.buildings.map((b) => [b.id, b]));
      const footprints = Array.from(result.flooded.indices, (b, n) => {
        const rec = byId.get(setup.buildings.ids[b])!;
        return polygonFeature(rec.footprint.map(([x, y]) => frame.toLonLat(x, y)), { id: rec.id, depthM: round(result.flooded.depthM[n], 2), population: rec.population });
      });
      return {
        kpis: {
          floodedAreaM2: k.floodedAreaM2, maxDepthM: round(k.maxDepthM, 3), buildingsFlooded: k.buildingsFlooded, peopleAffected: k.peopleAffected,
          roadsCut: k.roadsWithImpassableStretch, impassableRoadPoints: k.impassableRoadPoints, storedWaterM3: round(k.storedM3, 1), drainedM3: round(k.drainageM3, 1),
        },
        series: [
          { id: 'floodedAreaM2', label: 'Flooded area now', unit: 'm²', values: area },
          { id: 'buildingsFlooded', label: 'Buildings flooded so far', unit: '', values: flooded },
          { id: 'peopleAffected', label: 'People in flooded buildings', unit: '', values: people },
          { id: 'impassableRoadPoints', label: 'Impassable road samples now', unit: '', values: cut },
        ],
        layers: [
          { id: 'flood-extent', title: `Water deeper than ${o.floodedAreaM} m`, style: { color: '#38bdf8', fillOpacity: 0.45 }, frames: extent },
          { id: 'flood-deep', title: `Water deeper than ${o.roadM} m (impassable)`, style: { color: '#1d4ed8', fillOpacity: 0.6 }, frames: deep },
          { id: 'flooded-buildings', title: 'Buildings flooded (peak)', style: { color: '#fdba74', fillOpacity: 0.75, colorBy: { property: 'depthM', stops: [[0, '#fdba74'], [0.3, '#f97316'], [0.5, '#c2410c']] } }, features: footprints },
          { id: 'impassable-roads', title: 'Impassable road points', style: { color: '#ef4444', pointSizePx: 6 }, frames: roads },
        ],
      };
    } finally {
      runner.dispose();
    }
  },
};

function featureOrNone(f: Feature | null): Feature[] {
  return f ? [f] : [];
}

function round(v: number, digits: number): number {
  const m = 10 ** digits;
  return Math.round(v * m) / m;
}
