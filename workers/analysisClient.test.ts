import { afterAll, describe, expect, it } from 'vitest';
import { prismsFromBuildings } from '../src/analysis/scene/PrismSet';
import { facadeSamples } from '../src/analysis/sunlight/FacadeSamples';
import { sunlightMinutes } from '../src/analysis/sunlight/sunlightMinutes';
import { sunPath } from '../src/analysis/sun/sunPath';
import { boxBuilding } from '../src/analysis/testing/boxBuilding';
import { syntheticScene } from '../src/analysis/testing/syntheticScene';
import { AnalysisClient } from './analysisClient';
import { spawnNodeWorker } from './spawnNodeWorker';

const spawnWorker = () => spawnNodeWorker(new URL('./analysis.worker.ts', import.meta.url));

describe('AnalysisClient', () => {
  const buildings = Array.from({ length: 40 }, (_, k) => boxBuilding(`b${k}`, (k % 8) * 50 - 200, Math.floor(k / 8) * 60 - 150, (k % 8) * 50 - 170, Math.floor(k / 8) * 60 - 130, 20 + (k * 37) % 80));
  const local = syntheticScene(buildings, (x) => (x > 300 ? 40 : 0));
  const data = local.data;
  const samples = facadeSamples(buildings, buildings.map((_, k) => k), (b) => local.groundM(b.footprint[0][0], b.footprint[0][1]), { spacingM: 5 });
  const path = sunPath('2026-01-20', 104.06, 30.66, { stepMin: 5 });
  const client = new AnalysisClient(spawnWorker, { workers: 2 });
  afterAll(() => client.dispose());

  it('computes sunlight over two workers with the same minutes as on this thread, with progress', async () => {
    const info = await client.setScene(data);
    expect(info.prisms).toBe(buildings.length);
    await client.ready(2);
    const progress: number[] = [];
    const minutes = await client.sunlight(samples, path, { onProgress: (f) => progress.push(f) });
    expect(Array.from(minutes)).toEqual(Array.from(sunlightMinutes(local, samples, path)));
    expect(progress.length).toBeGreaterThan(0);
    expect(Math.max(...progress)).toBeCloseTo(1, 6);
  }, 60_000);

  it('rejects an aborted call at once and answers the next one from fresh workers with the same scene', async () => {
    const ctl = new AbortController();
    const pending = client.sunlight(samples, path, { signal: ctl.signal });
    ctl.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const los = await client.query('lineOfSight', [[-300, -20, 502], [300, -20, 502]]);
    expect(los.visible).toBe(false);
    expect(los.obstruction!.kind).toBe('building');
    const v = await client.query('viewshed', [{ observerM: [0, 0], radiusM: 150, cellSizeM: 10 }]);
    expect(v.cells).toBeInstanceOf(Uint8Array);
    expect(v.visibleCells).toBeGreaterThan(0);
    expect(v.visibleCells).toBeLessThan(v.cellsInRadius);
    const sky = await client.query('skyline', [{ eyeM: [0, 0, 501.6], stepDeg: 5, maxDistM: 400 }]);
    expect(sky.elevationDeg.length).toBe(72);
    expect(prismsFromBuildings(buildings, null).prisms.count).toBe(40);
  }, 60_000);

  it('asks for a scene before any tool runs', () => {
    const fresh = new AnalysisClient(spawnWorker, { workers: 1 });
    expect(() => fresh.query('info', [])).toThrow('AnalysisClient: no scene; call setScene(data) first');
    fresh.dispose();
  });
});
