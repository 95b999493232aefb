import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as cli } from '../../../src/cli/commands/scenario';
import { diskResultStore } from '../../../src/scenario/cache/diskResultStore';
import { ResultCache } from '../../../src/scenario/cache/ResultCache';
import { scenarioHash } from '../../../src/scenario/cache/scenarioHash';
import { nodeEnvironment } from '../../../src/scenario/run/nodeEnvironment';
import { inThreadExecutor } from '../../../src/scenario/runner/inThreadExecutor';
import { nodeWorkerExecutor } from '../../../src/scenario/runner/nodeWorkerExecutor';
import { ScenarioRunner } from '../../../src/scenario/runner/ScenarioRunner';
import type { Scenario } from '../../../src/scenario/schema/Scenario';
import { validateScenarioValue } from '../../../src/scenario/validate/validateScenario';

const root = join(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'scenario-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A small flood + dispatch scenario: ~1 s a run. */
const storm = (): Scenario => validateScenarioValue({
  id: 'tiny-storm', title: 'Tiny storm', city: 'demo', start: '2026-07-12T14:00:00+08:00', durationS: 2400, outputIntervalS: 600,
  region: { bboxLonLat: [104.058, 30.648, 104.068, 30.656] }, models: { flood: { cellSizeM: 20, drainageMmPerHour: 20 } },
  events: [
    { id: 'rain', kind: 'rainfall', series: [{ atS: 0, mmPerHour: 60 }, { atS: 600, mmPerHour: 150 }, { atS: 1800, mmPerHour: 20 }] },
    { id: 'call', kind: 'incident', incidentKind: 'medical', lonDeg: 104.062, latDeg: 30.652, atS: 1800, requirements: { ambulance: 1 } },
  ],
  interventions: [],
  variants: [{ name: 'pumps', title: 'Pumps', addInterventions: [{ id: 'pumps', kind: 'upgradeDrainage', extraMmPerHour: 60 }] }],
  kpis: ['floodedAreaM2', 'buildingsFlooded', 'fullResponseS'],
});

describe('scenarioHash', () => {
  it('ignores key order, titles and the camera, and changes with what runs, the variant and the code version', async () => {
    const s = storm();
    const h = await scenarioHash(s, 'baseline', 'v1');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    const reverseKeys = (v: unknown): unknown => Array.isArray(v) ? v.map(reverseKeys)
      : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(s) as Scenario;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(s));
    expect(await scenarioHash(reordered, 'baseline', 'v1')).toBe(h);
    expect(await scenarioHash({ ...s, title: 'Renamed', camera: { lonDeg: 104, latDeg: 30, heightM: 9, headingDeg: 0, pitchDeg: -9 } }, 'baseline', 'v1')).toBe(h);
    // Editing a variant leaves the baseline's key (and its cached run) alone.
    expect(await scenarioHash({ ...s, variants: [{ ...s.variants[0], title: 'x', addInterventions: [] }] }, 'baseline', 'v1')).toBe(h);
    expect(await scenarioHash({ ...s, durationS: 2401 }, 'baseline', 'v1')).not.toBe(h);
    expect(await scenarioHash(s, 'pumps', 'v1')).not.toBe(h);
    expect(await scenarioHash(s, 'baseline', 'v2')).not.toBe(h);
  });
});

describe('ScenarioRunner', () => {
  it('runs the baseline and a variant, then serves both from the cache (memory, then disk)', async () => {
    const s = storm();
    const store = diskResultStore(join(tmp, 'a'));
    const cache = new ResultCache(store);
    const runner = new ScenarioRunner({ executor: inThreadExecutor(nodeEnvironment), cache, codeVersion: 'test' });
    const progress: number[] = [];
    const first = await runner.runMany(s, undefined, { onProgress: (p) => progress.push(p.overall) });
    expect(first.map((o) => [o.variant, o.cached])).toEqual([['baseline', false], ['pumps', false]]);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((p, k) => k === 0 || p >= progress[k - 1] - 1e-12)).toBe(true);
    expect(first[1].result.kpis.floodedAreaM2!).toBeLessThan(first[0].result.kpis.floodedAreaM2!);
    const again = await runner.runMany(s);
    expect(again.map((o) => o.cached)).toEqual([true, true]);
    expect(again[0].result).toEqual(first[0].result);
    expect(cache.hits).toBe(2);
    // A fresh process: an empty memory in front of the same folder.
    const cold = new ScenarioRunner({ executor: inThreadExecutor(nodeEnvironment), cache: new ResultCache(store), codeVersion: 'test' });
    const fromDisk = await cold.run(s, 'pumps');
    expect(fromDisk.cached).toBe(true);
    expect(fromDisk.result).toEqual(first[1].result);
    expect(readdirSync(join(tmp, 'a')).sort()).toEqual([`${first[0].result.hash}.json`, `${first[1].result.hash}.json`].sort());
    // Another code version never reuses them.
    expect((await new ScenarioRunner({ executor: inThreadExecutor(nodeEnvironment), cache: new ResultCache(store), codeVersion: 'other' }).run(s, 'baseline')).cached).toBe(false);
  });

  it('runs variants in parallel worker threads with the same results as on this thread', async () => {
    const s = storm();
    const executor = nodeWorkerExecutor(2);
    try {
      const threads = await new ScenarioRunner({ executor, cache: new ResultCache(), codeVersion: 'test' }).runMany(s);
      const here = await new ScenarioRunner({ executor: inThreadExecutor(nodeEnvironment), cache: new ResultCache(), codeVersion: 'test' }).runMany(s);
      expect(threads.map((o) => o.result.kpis)).toEqual(here.map((o) => o.result.kpis));
      expect(threads[0].result.layers).toEqual(here[0].result.layers);
    } finally {
      executor.dispose();
    }
  });

  it('cancels runs in worker threads through an AbortSignal, and the pool stays usable', async () => {
    const s = validateScenarioValue({ ...storm(), durationS: 7200, models: { flood: { cellSizeM: 5 } } });
    const executor = nodeWorkerExecutor(2);
    const cache = new ResultCache();
    const runner = new ScenarioRunner({ executor, cache, codeVersion: 'test' });
    try {
      const ac = new AbortController();
      let started = false;
      const p = runner.runMany(s, undefined, { signal: ac.signal, onProgress: (b) => { if (b.run.fraction > 0.02 && !started) { started = true; ac.abort(); } } });
      await expect(p).rejects.toMatchObject({ name: 'AbortError' });
      expect(started).toBe(true);
      expect(cache.misses).toBe(2);
      const ok = await runner.run(storm(), 'baseline');
      expect(ok.result.kpis.floodedAreaM2).toBeGreaterThan(0);
    } finally {
      executor.dispose();
    }
  });

  it('names the variants when asked for one the scenario does not have', async () => {
    const runner = new ScenarioRunner({ executor: inThreadExecutor(nodeEnvironment), cache: new ResultCache(), codeVersion: 'test' });
    await expect(runner.run(storm(), 'pumsp')).rejects.toThrow(/no variant "pumps?p?"|expected one of "baseline", "pumps"/);
  });
});

describe('scenario CLI verb', () => {
  it('runs a shipped scenario and prints the KPI table; a second call comes from the disk cache', async () => {
    const file = join(root, 'scenarios/highrise-fire.json');
    const args = ['run', file, '--variant', 'forward-fire-post', '--cache', join(tmp, 'cli'), '--out', join(tmp, 'out')];
    const out = await cli(args) as { runs: Array<{ variant: string; cached: boolean }>; kpis: Array<{ id: string; values: Record<string, number>; diffs: Record<string, { better: string }> }> };
    expect(out.runs.map((r) => [r.variant, r.cached])).toEqual([['baseline', false], ['forward-fire-post', false]]);
    const full = out.kpis.find((k) => k.id === 'fullResponseS')!;
    expect(full.values['forward-fire-post']).toBeLessThan(full.values.baseline);
    expect(full.diffs['forward-fire-post'].better).toBe('variant');
    expect(readFileSync(join(tmp, 'out/highrise-fire.kpis.csv'), 'utf8').split('\r\n')[0]).toBe('kpi,label,unit,better,baseline,forward-fire-post,forward-fire-post diff,forward-fire-post diff %,forward-fire-post better');
    const geo = JSON.parse(readFileSync(join(tmp, 'out/highrise-fire.forward-fire-post.geojson'), 'utf8'));
    expect(geo.features.some((f: { properties: { layer: string } }) => f.properties.layer === 'dispatch-routes')).toBe(true);
    const again = await cli(args) as { runs: Array<{ cached: boolean }> };
    expect(again.runs.map((r) => r.cached)).toEqual([true, true]);
  });

  it('exits with the file, JSON path, line and expectation for a malformed scenario', async () => {
    const bad = join(import.meta.dirname, 'fixtures/bad-rainfall.json');
    const expected = /bad-rainfall\.json:17:24: \/events\/0\/series\/2\/mmPerHour: expected a number >= 0, got -20/;
    await expect(cli(['validate', bad])).rejects.toThrow(expected);
    // Through the real command line: the message on stderr, exit code 1.
    const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/main.ts'), 'scenario', 'validate', bad], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(expected);
  });
});
