import { describe, expect, it } from 'vitest';
import type { CityIndex } from '../../../src/scenario/validate/cityIssues';
import { ScenarioValidationError } from '../../../src/scenario/validate/ScenarioValidationError';
import { parseScenarioText } from '../../../src/scenario/validate/validateScenario';

const base = () => ({
  id: 'tiny-storm', title: 'Tiny storm', city: 'demo', start: '2026-07-12T14:00:00+08:00', durationS: 3600,
  region: { bboxLonLat: [104.05, 30.65, 104.07, 30.67] },
  events: [
    { id: 'rain', kind: 'rainfall', series: [{ atS: 0, mmPerHour: 50 }, { atS: 600, mmPerHour: 120 }] },
    { id: 'gauge', kind: 'sensorOverride', sensorId: 'RF-00001', series: [{ atS: 0, value: 50 }] },
  ],
  interventions: [],
  variants: [{ name: 'pumps', title: 'Pumps', addInterventions: [{ id: 'pumps', kind: 'upgradeDrainage', extraMmPerHour: 30 }] }],
  kpis: ['floodedAreaM2', 'buildingsFlooded'],
});

/** The single issue a broken scenario raises (pointer, line, expected), or fails the test. */
function issueOf(mutate: (s: any) => void, city?: CityIndex) {
  const s = base();
  mutate(s);
  try {
    parseScenarioText(JSON.stringify(s, null, 2), 'scenarios/broken.json', city);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioValidationError);
    const err = e as ScenarioValidationError;
    expect(err.file).toBe('scenarios/broken.json');
    expect(err.issues).toHaveLength(1);
    return { ...err.issues[0], message: err.message };
  }
  throw new Error('expected the scenario to be rejected');
}

/** 1-based line of the first occurrence of `needle` in the pretty-printed scenario. */
function lineOf(s: unknown, needle: string, nth = 0): number {
  const lines = JSON.stringify(s, null, 2).split('\n');
  const hits = lines.map((l, k) => (l.includes(needle) ? k + 1 : 0)).filter(Boolean);
  return hits[nth];
}

describe('parseScenarioText', () => {
  it('accepts a valid scenario and returns it typed', () => {
    const s = parseScenarioText(JSON.stringify(base()), 'ok.json');
    expect(s.events[0].kind).toBe('rainfall');
  });

  it('names the file, the JSON path, the line and what was expected for an out-of-range number', () => {
    const i = issueOf((s) => { s.events[0].series[1].mmPerHour = -5; });
    expect(i.pointer).toBe('/events/0/series/1/mmPerHour');
    expect(i.line).toBe(lineOf(base(), '"mmPerHour"', 1));
    expect(i.expected).toBe('a number >= 0');
    expect(i.got).toBe('-5');
    expect(i.message).toBe(`invalid scenario scenarios/broken.json:${i.line}:${i.column}: /events/0/series/1/mmPerHour: expected a number >= 0, got -5`);
  });

  it('names an unknown event kind with the kinds allowed', () => {
    const i = issueOf((s) => { s.events[0].kind = 'rainstorm'; });
    expect(i.pointer).toBe('/events/0/kind');
    expect(i.expected).toMatch(/"rainfall", "incident", "chemicalLeak"/);
    expect(i.line).toBe(lineOf(base(), '"kind": "rainfall"'));
  });

  it('points at the key of a property that is not allowed', () => {
    const i = issueOf((s) => { s.region.bbox = [1, 2, 3, 4]; });
    expect(i.pointer).toBe('/region/bbox');
    expect(i.expected).toBe('no property "bbox" here (allowed: bboxLonLat)');
  });

  it('names a missing required property at its object', () => {
    const i = issueOf((s) => { delete s.variants[0].title; });
    expect(i.pointer).toBe('/variants/0/title');
    expect(i.expected).toBe('the required property "title"');
    expect(i.line).toBe(lineOf(base(), '"name": "pumps"') - 1);
  });

  it('rejects a KPI no module of the scenario computes', () => {
    const i = issueOf((s) => { s.kpis.push('peakInfectious'); });
    expect(i.pointer).toBe('/kpis/2');
    expect(i.expected).toMatch(/epidemic module .* outbreak event/);
  });

  it('rejects a variant that removes an event the scenario does not have', () => {
    const i = issueOf((s) => { s.variants[0].removeEvents = ['drizzle']; });
    expect(i.pointer).toBe('/variants/0/removeEvents/0');
    expect(i.got).toBe('"drizzle"');
  });

  it('rejects series that do not increase in time, and impossible dates', () => {
    expect(issueOf((s) => { s.events[0].series[1].atS = 0; }).pointer).toBe('/events/0/series/1/atS');
    expect(issueOf((s) => { s.start = '2026-02-30T25:00:00+08:00'; }).pointer).toBe('/start');
  });

  it('checks ids and places against the city when given one', () => {
    const city: CityIndex = {
      city: 'demo', boundsLonLat: [104, 30.6, 104.1, 30.7], communityIds: new Set(['C1']), sensorIds: new Set(['RF-00002']), roadIds: new Set(['R-1']),
      stationIds: new Set(['S1']), fireStations: 1,
    };
    const i = issueOf(() => undefined, city);
    expect(i.pointer).toBe('/events/1/sensorId');
    expect(i.expected).toMatch(/the id of a sensor of the city/);
    const j = issueOf((s) => { s.events[1].sensorId = 'RF-00002'; s.region.bboxLonLat = [103, 30.65, 104.07, 30.67]; }, city);
    expect(j.pointer).toBe('/region/bboxLonLat');
  });

  it('gives the line and column of a JSON syntax error', () => {
    const text = JSON.stringify(base(), null, 2).replace('"durationS": 3600', '"durationS": 3600,,');
    expect(() => parseScenarioText(text, 'x.json')).toThrow(new RegExp(`x.json:${lineOf(base(), 'durationS')}:\\d+: /: expected valid JSON`));
  });
});
