import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/scenario/cache/canonicalJson';
import { compareKpi, kpiTable } from '../../../src/scenario/compare/compareKpis';
import { kpiCsv } from '../../../src/scenario/export/kpiCsv';
import { resultGeoJson } from '../../../src/scenario/export/resultGeoJson';
import { pointFeature } from '../../../src/scenario/layers/GeoJson';
import type { RunResult } from '../../../src/scenario/run/RunResult';

describe('compareKpi', () => {
  it('favours the lower value of a lower-is-better KPI, with absolute and % differences', () => {
    expect(compareKpi('floodedAreaM2', 1000, 750)).toEqual({ abs: -250, pct: -25, better: 'variant' });
    expect(compareKpi('floodedAreaM2', 1000, 1200)).toEqual({ abs: 200, pct: 20, better: 'baseline' });
  });

  it('favours the higher value of a higher-is-better KPI', () => {
    expect(compareKpi('drainedM3', 100, 150)).toEqual({ abs: 50, pct: 50, better: 'variant' });
    expect(compareKpi('peakDay', 80, 60)).toEqual({ abs: -20, pct: -25, better: 'baseline' });
  });

  it('calls equal values the same and gives no % against a zero baseline', () => {
    expect(compareKpi('roadsCut', 3, 3)).toEqual({ abs: 0, pct: 0, better: 'same' });
    expect(compareKpi('roadsCut', 0, 0)).toEqual({ abs: 0, pct: null, better: 'same' });
    expect(compareKpi('roadsCut', 0, 2)).toEqual({ abs: 2, pct: null, better: 'baseline' });
    expect(compareKpi('roadsCut', 4, 0)).toEqual({ abs: -4, pct: -100, better: 'variant' });
  });

  it('treats null (never) as worse than any number, whichever way is better', () => {
    expect(compareKpi('evacuated90S', null, 3600)).toEqual({ abs: null, pct: null, better: 'variant' });
    expect(compareKpi('evacuated90S', 3600, null)).toEqual({ abs: null, pct: null, better: 'baseline' });
    expect(compareKpi('evacuated90S', null, null).better).toBe('same');
    expect(compareKpi('peakDay', null, 40).better).toBe('variant');
  });
});

const run = (variant: string, kpis: RunResult['kpis']): RunResult => ({
  scenarioId: 's', variant, hash: variant, modules: ['flood'], kpis, wallMs: 1,
  timeline: { timesS: [0, 600, 1200], series: [] },
  layers: [
    { id: 'static', title: 'Static', style: { color: '#fff' }, features: [pointFeature(104, 30, { n: 1 })] },
    { id: 'moving', title: 'Moving', style: { color: '#fff' }, frames: [[], [pointFeature(104.1, 30, { k: 1 })], [pointFeature(104.2, 30, { k: 2 })]] },
  ],
});

describe('kpiTable and kpiCsv', () => {
  const runs = [run('baseline', { floodedAreaM2: 1000, drainedM3: 10 }), run('pumps', { floodedAreaM2: 400, drainedM3: 30 }), run('wall, "big"', { floodedAreaM2: 1000, drainedM3: 5 })];

  it('tabulates every run and each variant against the baseline', () => {
    const rows = kpiTable(['floodedAreaM2', 'drainedM3'], runs);
    expect(rows[0]).toMatchObject({ id: 'floodedAreaM2', unit: 'm²', better: 'lower', values: { baseline: 1000, pumps: 400 } });
    expect(rows[0].diffs.pumps).toEqual({ abs: -600, pct: -60, better: 'variant' });
    expect(rows[1].diffs['wall, "big"'].better).toBe('baseline');
    expect(() => kpiTable(['floodedAreaM2'], runs.slice(1))).toThrow(/baseline/);
  });

  it('writes RFC 4180 CSV with a header, quoting fields that need it', () => {
    const csv = kpiCsv(kpiTable(['floodedAreaM2', 'drainedM3'], runs), runs.map((r) => r.variant));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('kpi,label,unit,better,baseline,pumps,pumps diff,pumps diff %,pumps better,"wall, ""big""","wall, ""big"" diff","wall, ""big"" diff %","wall, ""big"" better"');
    expect(lines[1]).toBe('floodedAreaM2,Flooded area (peak depth > threshold),m²,lower,1000,400,-600,-60,variant,1000,0,0,same');
    expect(lines[3]).toBe('');
  });
});

describe('resultGeoJson', () => {
  it('exports the static features and the frame shown at a time, tagged with run, layer and frame time', () => {
    const fc = resultGeoJson(run('pumps', {}), 700);
    expect(fc.features.map((f) => [f.properties.layer, f.properties.frameTimeS ?? null, f.properties.variant])).toEqual([['static', null, 'pumps'], ['moving', 600, 'pumps']]);
    expect(resultGeoJson(run('pumps', {}), 'all').features).toHaveLength(3);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});
