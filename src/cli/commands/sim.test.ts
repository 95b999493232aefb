import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../args';
import { run } from './sim';

const SMALL = 'test/fixtures/sim/flood-small.json';
const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
function scenarioFile(name: string, body: unknown): string {
  const f = join(dir, name);
  writeFileSync(f, typeof body === 'string' ? body : JSON.stringify(body));
  return f;
}

interface SimOutput { workers: number; kpis: Record<string, number>; grid: { width: number; height: number } }

describe('sim CLI verb', () => {
  it('runs a flood scenario and prints volumes, depth, area, buildings, people and the mass balance', async () => {
    const out = (await run(['--scenario', SMALL])) as SimOutput;
    const k = out.kpis;
    expect(out.grid).toMatchObject({ width: 60, height: 60 });
    // 150 mm/h for 300 s then 60 mm/h for 300 s on every open cell.
    expect(k.rainM3).toBeGreaterThan(0);
    expect(k.volumeInM3).toBeCloseTo(k.rainM3 + k.inflowM3, 9);
    expect(k.volumeOutM3).toBeCloseTo(k.drainageM3 + k.outflowM3, 9);
    expect(k.storedM3).toBeCloseTo(k.volumeInM3 - k.volumeOutM3, 6);
    expect(k.maxDepthM).toBeGreaterThan(0.01);
    expect(k.floodedAreaM2 % 25).toBe(0);
    expect(k.massBalanceError).toBeLessThan(1e-12);
    for (const key of ['buildingsFlooded', 'peopleAffected', 'floodedAreaM2', 'impassableRoadPoints']) expect(k[key]).toBeGreaterThanOrEqual(0);
  });

  it('gives the same KPIs with 2 workers', async () => {
    const one = (await run(['--scenario', SMALL])) as SimOutput;
    const two = (await run(['--scenario', SMALL, '--workers', '2'])) as SimOutput;
    expect(two.workers).toBe(2);
    expect(two.kpis).toEqual(one.kpis);
  });

  it('names the file, the JSON path and the expectation for a bad scenario', async () => {
    const bad = scenarioFile('bad.json', { kind: 'flood', grid: { cellSizeM: -5 }, durationS: 600 });
    await expect(run(['--scenario', bad])).rejects.toThrow(`${bad}: $.grid.cellSizeM: expected a number in [0.5, 1000] m, got -5`);
    const rain = scenarioFile('rain.json', { kind: 'flood', grid: { cellSizeM: 5, bboxM: [0, 0, 100, 100] }, durationS: 60, rainfall: { timesS: [0, 10], mmPerHour: [5] } });
    await expect(run(['--scenario', rain])).rejects.toThrow(/\$\.rainfall\.mmPerHour: expected an array of 2 numbers/);
    const notJson = scenarioFile('broken.json', '{ "kind": ');
    await expect(run(['--scenario', notJson])).rejects.toThrow(`${notJson}:1:11: not valid JSON: expected a JSON value`);
    await expect(run(['--scenario', join(dir, 'missing.json')])).rejects.toThrow(/cannot read scenario .*missing\.json/);
  });

  it('asks for --scenario and a sensible --workers', async () => {
    await expect(run([])).rejects.toThrow(UsageError);
    await expect(run(['--scenario', SMALL, '--workers', 'zero'])).rejects.toThrow(/--workers expects a positive integer or "all"/);
  });
});
