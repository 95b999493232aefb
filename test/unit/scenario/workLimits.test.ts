import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frameTimes } from '../../../src/scenario/run/frameTimes';
import { ScenarioValidationError } from '../../../src/scenario/validate/ScenarioValidationError';
import { parseScenarioText } from '../../../src/scenario/validate/validateScenario';
import { MAX_FLOOD_CELLS, MAX_FRAMES } from '../../../src/sim/core/workLimits';
import { parseFloodScenario } from '../../../src/sim/flood/FloodScenario';

const storm = () => ({
  id: 'storm', title: 'Storm', city: 'demo', start: '2026-07-12T14:00:00+08:00', durationS: 3600,
  region: { bboxLonLat: [104.05, 30.65, 104.07, 30.67] },
  events: [{ id: 'rain', kind: 'rainfall', series: [{ atS: 0, mmPerHour: 50 }] }],
  interventions: [], variants: [] as unknown[], kpis: ['floodedAreaM2'],
});

function issues(s: unknown, text = JSON.stringify(s, null, 2)): string {
  try {
    parseScenarioText(text, 'x.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioValidationError);
    return (e as Error).message;
  }
  throw new Error('expected the scenario to be refused');
}

describe('scenario work limits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses durationS 31536000 at outputIntervalS 0.01 in the validator, fast (V8 aborted with "invalid size" after 2.3 GB before)', () => {
    const t = performance.now();
    expect(issues({ ...storm(), durationS: 31_536_000, outputIntervalS: 0.01 })).toMatch(/x\.json:\d+:\d+: \/outputIntervalS: expected a number >= 1, got 0\.01/);
    expect(issues({ ...storm(), durationS: 31_536_000, outputIntervalS: 1 })).toMatch(new RegExp(`/outputIntervalS: expected at most ${MAX_FRAMES} timeline frames .*interval of at least 21900 s, got 1 s, 3\\.15e\\+7 frames`));
    expect(() => frameTimes({ durationS: 31_536_000, outputIntervalS: 0.01 })).toThrow(/makes 3153600001 frames; at most 1441/);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('refuses a flood run whose cells or cell-updates pass the limits, naming the field and the limit (durationS 1e7 ran past 90 s before)', () => {
    expect(issues({ ...storm(), durationS: 1e7 })).toMatch(/\/durationS: expected a flood run of at most 2\.00e\+10 cell-updates .*got 10000000 s, about \d\.\d+e\+11/);
    const big = { ...storm(), region: { bboxLonLat: [103.5, 30.2, 104.5, 31.2] }, models: { flood: { cellSizeM: 2 } } };
    expect(issues(big)).toMatch(new RegExp(`/models/flood/cellSizeM: expected a flood grid of at most ${MAX_FLOOD_CELLS.toExponential(2).replace('+', '\\+')} cells`));
    const variant = { ...storm(), region: { bboxLonLat: [103.9, 30.5, 104.2, 30.8] }, variants: [{ name: 'fine', title: 'Fine', models: { flood: { cellSizeM: 2 } } }] };
    expect(issues(variant)).toMatch(/\/variants\/0\/models\/flood\/cellSizeM: expected a flood grid of at most/);
  });

  it('refuses a plume run past its cell-steps at its strongest wind', () => {
    const leak = {
      ...storm(), durationS: 31_000_000, outputIntervalS: 86_400, kpis: ['zoneAreaM2'],
      events: [{ id: 'leak', kind: 'chemicalLeak', chemical: 'chlorine', lonDeg: 104.06, latDeg: 30.66, atS: 0, rateKgPerS: 1, thresholdMgPerM3: 1, wind: [{ atS: 0, speedMps: 40, fromDeg: 90 }] }],
    };
    expect(issues(leak)).toMatch(/\/durationS: expected a plume run of at most 2\.00e\+10 cell-steps \(.* at 40 m\/s wind\)/);
  });

  it('refuses a 5,000-deep file with its line instead of overflowing the stack', () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    expect(issues(null, deep)).toMatch(/x\.json:1:\d+: \/: expected valid JSON: at most 64 levels of nested objects and arrays/);
  });

  it('bounds the arrays a file can multiply (events, variants)', () => {
    const many = { ...storm(), variants: Array.from({ length: 21 }, (_, k) => ({ name: `v${k}`, title: 'V' })) };
    expect(issues(many)).toMatch(/\/variants: expected at most 20 items/);
  });

  it('refuses flood scenario files past the frame and cell limits, naming the JSON path', () => {
    const flood = { kind: 'flood', grid: { cellSizeM: 0.5, bboxM: [-5000, -5000, 5000, 5000] }, durationS: 3600, outputIntervalS: 600 };
    expect(() => parseFloodScenario(flood, 'f.json')).toThrow(/^f\.json: \$\.grid\.cellSizeM: expected a cell size giving at most 10000000 cells over bboxM \(400000000 at this size\), got 0\.5/);
    expect(() => parseFloodScenario({ ...flood, grid: { cellSizeM: 5, bboxM: [0, 0, 100, 100] }, durationS: 30 * 86400, outputIntervalS: 1 }, 'f.json'))
      .toThrow(/^f\.json: \$\.outputIntervalS: expected at most 1441 frames over durationS 2592000 s/);
  });

  it('fails the CLI with exit 1 and the message, not a V8 abort, on such files', () => {
    const file = join(dir, 'year.json');
    writeFileSync(file, JSON.stringify({ ...storm(), durationS: 31_536_000, outputIntervalS: 0.01 }));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'scenario', 'validate', file], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/outputIntervalS: expected a number >= 1, got 0\.01/);
  });
});
