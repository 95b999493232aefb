import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ResultCache } from '../../../src/scenario/cache/ResultCache';
import { openCityPackage } from '../../../src/pipeline/package/openCityPackage';
import { scenarioCity } from '../../../src/scenario/city/ScenarioCity';
import { loadScenarioFile } from '../../../src/scenario/io/loadScenarioFile';
import type { Feature } from '../../../src/scenario/layers/GeoJson';
import { resultLayerToOverlay } from '../../../src/scenario/layers/toOverlayLayers';
import { nodeEnvironment } from '../../../src/scenario/run/nodeEnvironment';
import type { RunResult } from '../../../src/scenario/run/RunResult';
import { inThreadExecutor } from '../../../src/scenario/runner/inThreadExecutor';
import { ScenarioRunner } from '../../../src/scenario/runner/ScenarioRunner';

const file = join(import.meta.dirname, '../../../scenarios/new-tower-sunlight.json');

/** Northern and southern extent of a polygon feature (deg). */
function latRange(f: Feature): [number, number] {
  const ring = (f.geometry as { coordinates: Array<Array<[number, number]>> }).coordinates[0];
  return [Math.min(...ring.map((p) => p[1])), Math.max(...ring.map((p) => p[1]))];
}

const city = await scenarioCity('demo', openCityPackage);

describe('scenarios/new-tower-sunlight.json', () => {
  const runs = new Map<string, RunResult>();

  beforeAll(async () => {
    const { scenario } = loadScenarioFile(file, city.index);
    const runner = new ScenarioRunner({ executor: inThreadExecutor(nodeEnvironment), cache: new ResultCache(), codeVersion: 'test' });
    for (const o of await runner.runMany(scenario)) runs.set(o.result.variant, o.result);
  }, 180_000);

  const layer = (variant: string, id: string) => runs.get(variant)!.layers.find((l) => l.id === id)!.features!;

  it('reports the sunlight the proposed tower takes from the homes north of it, and none in the baseline', () => {
    expect(runs.get('baseline')!.kpis.sunlightMinutesLost).toBe(0);
    expect(runs.get('tower')!.kpis.sunlightMinutesLost).toBeGreaterThan(300);
    const [towerSouth] = latRange(layer('tower', 'proposed-buildings')[0]);
    const losers = layer('tower', 'sunlight-neighbours').filter((f) => (f.properties.minutesLost as number) > 0);
    expect(losers.length).toBeGreaterThan(0);
    // The winter sun stays south of east-west, so a shadow only falls north of the tower's south wall.
    for (const f of losers) expect(latRange(f)[1]).toBeGreaterThan(towerSouth);
    const worst = losers.reduce((a, b) => ((a.properties.minutesLost as number) >= (b.properties.minutesLost as number) ? a : b));
    expect(latRange(worst)[0]).toBeGreaterThan(towerSouth);
    // Homes south of the tower keep every minute.
    for (const f of layer('tower', 'sunlight-neighbours')) if (latRange(f)[1] < towerSouth) expect(f.properties.minutesLost).toBe(0);
  });

  it('costs less sun with the 8-floor block than with the 33-floor tower, and holds fewer people', () => {
    const tower = runs.get('tower')!.kpis, block = runs.get('mid-rise')!.kpis, base = runs.get('baseline')!.kpis;
    expect(block.sunlightMinutesLost!).toBeGreaterThan(0);
    expect(block.sunlightMinutesLost!).toBeLessThan(tower.sunlightMinutesLost!);
    expect(tower.sitePeople!).toBeGreaterThan(block.sitePeople!);
    expect(block.sitePeople!).toBeGreaterThan(base.sitePeople!);
  });

  it('raises the skyline seen from the terrace and blocks its view corridor only with the tower', () => {
    expect(runs.get('baseline')!.kpis).toMatchObject({ skylineMaxRiseDeg: 0, viewCorridorsBlocked: 0 });
    expect(runs.get('tower')!.kpis.skylineMaxRiseDeg).toBeGreaterThan(5);
    expect(runs.get('tower')!.kpis.viewCorridorsBlocked).toBe(1);
    expect(runs.get('mid-rise')!.kpis.viewCorridorsBlocked).toBe(0);
    const corridor = layer('tower', 'view-corridors').find((f) => f.geometry.type === 'Point')!;
    expect(corridor.properties.obstruction).toBe('building');
  });

  it('removes the shed it replaces, draws the tower as a 99 m solid, and reports the dispatch KPIs beside the planning ones', () => {
    expect(layer('tower', 'cleared-buildings').map((f) => f.properties.id)).toEqual(['B015033']);
    const solid = resultLayerToOverlay(runs.get('tower')!.layers.find((l) => l.id === 'proposed-buildings')!, 0)[0][1];
    expect(solid.kind).toBe('polygons');
    const { extrude } = (solid as unknown as { polygons: Array<{ extrude?: { baseM: number; topM: number } }> }).polygons[0];
    expect(extrude!.topM - extrude!.baseM).toBeGreaterThan(99);
    expect(extrude!.topM - extrude!.baseM).toBeLessThan(102);
    expect(runs.get('tower')!.modules).toEqual(['dispatch', 'planning']);
    expect(runs.get('tower')!.kpis.firstArrivalS).toBeGreaterThan(0);
  });

  it('takes the cleared shed out of both views with a hide layer', () => {
    const hide = resultLayerToOverlay(runs.get('tower')!.layers.find((l) => l.id === 'cleared-buildings')!, 0).find(([id]) => id.endsWith(':hide'))![1];
    expect(hide).toMatchObject({ kind: 'featureColors', blend: 'hide' });
    expect([...(hide as unknown as { colors: Map<string, string> }).colors.keys()]).toEqual(['B015033']);
  });
});
