import { describe, expect, it } from 'vitest';
import { ScenarioTimeline } from '../../../src/scenario/compare/ScenarioTimeline';
import type { RunResult } from '../../../src/scenario/run/RunResult';
import { formatShareLink, parseShareLink, ShareLinkError } from '../../../src/scenario/share/shareLink';
import { clockAt } from '../../../src/ui/scenario/TimelineSlider';

describe('parseShareLink / formatShareLink', () => {
  it('reads scenario, variant, compare, view, time and camera from the query', () => {
    expect(parseShareLink('?scenario=rainstorm-old-town&variant=drainage-upgrade&t=3600&cam=104.06,30.66,1500,0,-45&compare=1&view=workspace&fly=0')).toEqual({
      scenario: 'rainstorm-old-town', variant: 'drainage-upgrade', timeS: 3600, compare: true, view: 'workspace',
      camera: { lonDeg: 104.06, latDeg: 30.66, heightM: 1500, headingDeg: 0, pitchDeg: -45 },
    });
    expect(parseShareLink('?fly=0')).toBeNull();
  });

  it('round-trips through a URL, keeping the parameters it does not own', () => {
    const state = { scenario: 'highrise-fire', variant: 'forward-fire-post', compare: false, view: 'workspace' as const, timeS: 600, camera: { lonDeg: 104.0581234, latDeg: 30.632, heightM: 3500.04, headingDeg: 359.999, pitchDeg: -45 } };
    const url = formatShareLink('http://127.0.0.1:4173/?fly=0&scenario=old&t=5', state);
    expect(url).toBe('http://127.0.0.1:4173/?fly=0&scenario=highrise-fire&variant=forward-fire-post&compare=0&view=workspace&t=600&cam=104.058123,30.632,3500,0,-45');
    expect(parseShareLink(new URL(url).search)).toEqual({ ...state, camera: { lonDeg: 104.058123, latDeg: 30.632, heightM: 3500, headingDeg: 0, pitchDeg: -45 } });
  });

  it('names the parameter and what was expected when it is malformed', () => {
    expect(() => parseShareLink('?scenario=x&t=soon')).toThrow(ShareLinkError);
    expect(() => parseShareLink('?scenario=x&t=soon')).toThrow('share link: parameter "t" must be a time in seconds >= 0 since the scenario start, got "soon"');
    expect(() => parseShareLink('?scenario=x&cam=104,30,1500')).toThrow(/parameter "cam" must be LON,LAT,HEIGHT_M,HEADING_DEG,PITCH_DEG/);
    expect(() => parseShareLink('?scenario=x&cam=104,30,1500,0,-120')).toThrow(/pitch in \[-90, 90\]/);
    expect(() => parseShareLink('?scenario=Bad_Id')).toThrow(/parameter "scenario"/);
    expect(() => parseShareLink('?scenario=x&compare=yes')).toThrow(/parameter "compare" must be 1/);
  });
});

const run = (variant: string, timesS: number[], values: number[]): RunResult => ({
  scenarioId: 's', variant, hash: variant, modules: [], kpis: {}, wallMs: 0, layers: [],
  timeline: { timesS, series: [{ id: 'x', label: 'X', unit: '', values }] },
});

describe('ScenarioTimeline', () => {
  it('scrubs every run together, clamped to the run, stepping frame by frame', () => {
    const t = new ScenarioTimeline([run('baseline', [0, 600, 1200, 1500], [0, 1, 2, 3]), run('v', [0, 600, 1200, 1500], [0, 10, 20, 30])]);
    const heard: number[] = [];
    t.subscribe((x) => heard.push(x));
    t.setTime(700);
    expect(t.samples()).toEqual([{ variant: 'baseline', frame: 1, values: { x: 1 } }, { variant: 'v', frame: 1, values: { x: 10 } }]);
    t.step(1);
    expect(t.timeS).toBe(1200);
    t.step(1); t.step(1);
    expect(t.timeS).toBe(1500);
    t.setTime(700); t.step(-1);
    expect(t.timeS).toBe(600);
    t.step(-1);
    expect(t.timeS).toBe(0);
    t.setTime(99999);
    expect(t.timeS).toBe(1500);
    expect(heard).toEqual([700, 1200, 1500, 700, 600, 0, 1500]);
  });
});

describe('clockAt', () => {
  it('gives the wall-clock time in the start time\'s own offset', () => {
    expect(clockAt('2026-07-12T14:00:00+08:00', 5400)).toBe('2026-07-12 15:30 +08:00');
    expect(clockAt('2026-07-12T23:30:00Z', 3600)).toBe('2026-07-13 00:30 UTC');
  });
});
