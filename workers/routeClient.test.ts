import { afterAll, describe, expect, it } from 'vitest';
import { ringCentroid } from '../src/dispatch/stationFleet';
import { demoFleet, demoModel, demoRoadGraph } from '../test/support/demoPackage';
import { encodeRoadGraph } from '../src/route/roadGraphCodec';
import { RouteClient } from './routeClient';
import { spawnNodeWorker } from './spawnNodeWorker';

const spawnWorker = () => spawnNodeWorker(new URL('./route.worker.ts', import.meta.url));

const city = await demoModel();
const g = await demoRoadGraph();

describe('RouteClient', () => {
  const bin = encodeRoadGraph(g);
  const client = new RouteClient(spawnWorker);
  afterAll(() => client.dispose());
  const a: [number, number] = [104.03, 30.64], b: [number, number] = [104.09, 30.69];
  const seconds = { open: 0, closed: 0 };

  it('loads network.bin into a worker and routes there, with progress', async () => {
    const progress: number[] = [];
    const info = await client.load(bin.slice().buffer, { onProgress: (f) => progress.push(f) });
    expect(info).toMatchObject({ nodes: g.nodeCount, arcs: g.arcCount, hierarchy: true });
    expect(progress[progress.length - 1]).toBe(1);
    const r = await client.query('route', [a, b]);
    expect(r?.algorithm).toBe('ch');
    expect(r!.seconds).toBeGreaterThan(60);
    expect(r!.coordsLonLat.length).toBe(r!.cumulativeS.length);
    const table = await client.query('travelTimeTable', [[a], [b]]);
    expect(table[0]).toBeCloseTo(r!.seconds, 6);
  }, 60_000);

  it('closes a road in the worker and re-routes around it', async () => {
    const before = (await client.query('route', [a, b]))!;
    const mid = before.coordsLonLat[Math.floor(before.coordsLonLat.length / 2)];
    const change = await client.overrideSegmentAt(mid);
    expect(change!.arcs.length).toBeGreaterThan(0);
    expect(await client.query('isAffected', [before])).toBe(true);
    const after = (await client.query('route', [a, b]))!;
    expect(after.seconds).toBeGreaterThan(before.seconds);
    expect(after.arcs.some((x) => change!.arcs.includes(x))).toBe(false);
    seconds.open = before.seconds;
    seconds.closed = after.seconds;
  }, 60_000);

  it('rejects an aborted call at once and answers the next call from a fresh worker with the same closures', async () => {
    const ctl = new AbortController();
    const pending = client.query('isochrone', [a, [10, 20, 30]], ctl.signal);
    ctl.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(client.overrides().length).toBeGreaterThan(0);
    const after = (await client.query('route', [a, b]))!;
    expect(after.seconds).toBeCloseTo(seconds.closed, 6);
    await client.clearOverrides();
    expect(client.overrides()).toEqual([]);
    expect((await client.query('route', [a, b]))!.seconds).toBeCloseTo(seconds.open, 6);
  }, 60_000);

  it('plans a dispatch and computes coverage in the worker', async () => {
    await client.setFleet(await demoFleet());
    const plan = await client.query('planDispatch', [[{ id: 'fire', lonLat: a, requirements: { fire_engine: 2, ambulance: 1 } }], 'worst']);
    expect(plan.unfilled).toEqual([]);
    expect(plan.assignments.length).toBe(3);
    expect(plan.routes.every((r) => r.route !== null)).toBe(true);
    const points = city.buildings.filter((_, i) => i % 10 === 0).map((b) => ({ lonLat: city.frame.toLonLat(...ringCentroid(b.footprint)), weight: b.population }));
    const info = await client.setDemand(points);
    expect(info.points).toBe(points.length);
    const cov = await client.query('coverage', ['fire_station', 4, 15]);
    expect(cov.timesS).toBeInstanceOf(Float64Array);
    expect(cov.timesS.length).toBe(points.length);
    expect(cov.shareOfWeight).toBeGreaterThan(0);
    expect(cov.shareOfWeight).toBeLessThanOrEqual(1);
  }, 60_000);
});
