import type { TimeSeries } from '../../sim/core/TimeSeries';
import { cellIndexAt } from '../../sim/core/RasterGrid';
import { rasterizePolygon } from '../../sim/core/rasterizePolygon';
import { plumeGrid } from '../../sim/plume/PlumeGrid';
import type { PlumeSource } from '../../sim/plume/PlumeParams';
import { runPlume } from '../../sim/plume/runPlume';
import { pointFeature, type Feature } from '../layers/GeoJson';
import { maskFeature } from '../layers/maskFeature';
import type { ModuleContext, ModuleOutput, RunModule } from '../run/ModuleContext';
import type { EventOf, Scenario } from '../schema/Scenario';
import { footprintCentre, regionPlane } from './regionPlane';

/** Defaults of `models.plume`. */
export const PLUME_DEFAULTS = { cellSizeM: 20, diffusivityM2PerS: 20, mixingHeightM: 50, decayPerS: 0 };

type Leak = EventOf<'chemicalLeak'>;

/** The release of a leak, ended early by an isolateLeak intervention on it. */
export function leakSource(s: Scenario, leak: Leak): PlumeSource {
  let end = leak.durationS === undefined ? Infinity : leak.atS + leak.durationS;
  for (const i of s.interventions) if (i.kind === 'isolateLeak' && i.eventId === leak.id) end = Math.min(end, i.atS);
  const durationS = end - leak.atS;
  return {
    lonDeg: leak.lonDeg, latDeg: leak.latDeg, startS: leak.atS,
    // A leak isolated before it starts releases nothing.
    rateKgPerS: durationS > 0 ? leak.rateKgPerS : 0,
    ...(Number.isFinite(durationS) && durationS > 0 ? { durationS } : {}),
  };
}

/** One wind field of the leak's series, held from t = 0 (the first reading applies before it). */
function windSeries(leak: Leak, pick: (w: Leak['wind'][number]) => number): TimeSeries {
  const times = leak.wind.map((w) => w.atS), values = leak.wind.map(pick);
  if (times[0] > 0) { times.unshift(0); values.unshift(values[0]); }
  return { timesS: times, values, mode: 'linear' };
}

/**
 * A hazardous-chemical leak: the advection-diffusion plume of src/sim/plume over the scenario
 * region (buildings taller than the mixing layer block the gas), wind from the first leak, every
 * leak a source (isolateLeak ends one early). The evacuation zone is where the concentration ever
 * reaches the lowest threshold; its buildings and gas arrival times go to the evacuation module.
 */
export const plumeModule: RunModule = {
  name: 'plume',
  async run(ctx: ModuleContext): Promise<ModuleOutput> {
    const s = ctx.scenario, o = { ...PLUME_DEFAULTS, ...s.models?.plume }, frame = ctx.city.frame;
    const leaks = s.events.filter((e): e is Leak => e.kind === 'chemicalLeak');
    const [x0, y0, x1, y1] = regionPlane(s, frame);
    const grid = plumeGrid(frame.originLonDeg, frame.originLatDeg, { xMinM: x0, yMinM: y0, xMaxM: x1, yMaxM: y1 }, o.cellSizeM);
    const all = ctx.city.city.buildings;
    const inRegion: number[] = [];
    all.forEach((b, k) => { const [x, y] = footprintCentre(b.footprint); if (x >= x0 && x < x1 && y >= y0 && y < y1) inRegion.push(k); });
    const buildings = inRegion.map((k) => all[k]);
    const block = (k: number) => { grid.blocked[k] = 1; };
    for (const b of buildings) if (b.heightM >= o.mixingHeightM) rasterizePolygon(grid, b.footprint, block);
    const threshold = Math.min(...leaks.map((l) => l.thresholdMgPerM3));
    const r = await runPlume({
      grid, endTimeS: s.durationS, frameIntervalS: ctx.timesS[1] - ctx.timesS[0], thresholdMgPerM3: threshold, buildings,
      params: {
        sources: leaks.map((l) => leakSource(s, l)), windSpeedMps: windSeries(leaks[0], (w) => w.speedMps), windFromDeg: windSeries(leaks[0], (w) => w.fromDeg),
        diffusivityM2PerS: o.diffusivityM2PerS, mixingHeightM: o.mixingHeightM, decayPerS: o.decayPerS,
      },
    }, { signal: ctx.signal, onProgress: (p) => ctx.onProgress(p.fraction) });
    const n = grid.width * grid.height, cellM2 = o.cellSizeM ** 2, mask = new Uint8Array(n);
    const zoneNow: Feature[][] = [[]], areaNow = [0], peakNow = [0];
    for (let f = 0; f < r.frameTimesS.length; f++) {
      let cells = 0, peak = 0;
      for (let k = 0; k < n; k++) {
        const c = r.framesMgPerM3[f * n + k];
        mask[k] = c >= threshold ? 1 : 0;
        cells += mask[k];
        if (c > peak) peak = c;
      }
      areaNow.push(cells * cellM2);
      peakNow.push(Math.round(peak * 100) / 100);
      const feat = maskFeature(grid, mask, frame, { timeS: r.frameTimesS[f], thresholdMgPerM3: threshold });
      zoneNow.push(feat ? [feat] : []);
    }
    const ex = r.exposure!;
    const arrivalS = Float64Array.from(ex.buildingIndices, (b) => {
      const [x, y] = footprintCentre(buildings[b].footprint), k = cellIndexAt(grid, x, y);
      return k >= 0 ? r.arrivalS[k] : Infinity;
    });
    ctx.shared.plumeZone = { buildingIndices: Uint32Array.from(ex.buildingIndices, (b) => inRegion[b]), arrivalS };
    let peak = 0;
    for (const c of r.maxMgPerM3) if (c > peak) peak = c;
    return {
      kpis: { zoneAreaM2: r.zone.areaM2, zoneBuildings: ex.buildings, zonePopulation: ex.population, peakConcentrationMgPerM3: Math.round(peak * 10) / 10 },
      series: [
        { id: 'gasAreaM2', label: `Area above ${threshold} mg/m³ now`, unit: 'm²', values: areaNow },
        { id: 'peakConcentrationMgPerM3', label: 'Highest concentration now', unit: 'mg/m³', values: peakNow },
      ],
      layers: [
        { id: 'plume-now', title: `Gas above ${threshold} mg/m³ now`, style: { color: '#facc15', fillOpacity: 0.45 }, frames: zoneNow },
        { id: 'evacuation-zone', title: 'Evacuation zone (ever above the threshold)', style: { color: '#c026d3', fillOpacity: 0.25, lineWidthPx: 2 }, features: [r.zone.feature as Feature] },
        { id: 'leak-sources', title: 'Leak sources', style: { color: '#7c3aed', pointSizePx: 10 }, features: leaks.map((l) => pointFeature(l.lonDeg, l.latDeg, { id: l.id, chemical: l.chemical, rateKgPerS: l.rateKgPerS })) },
      ],
    };
  },
};
