import { readFileSync, rmSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCity, type DemoCity } from '../../../src/pipeline/demo-city/generateDemoCity';
import { demoPlanFor } from '../../../src/pipeline/demo-city/DemoPlan';
import { DEFAULT_TILE_LIMITS } from '../../../src/pipeline/tiles/stream/planTileTree';
import { tileBuildingsStreaming, type StreamingTilerResult } from '../../../src/pipeline/tiles/stream/tileBuildingsStreaming';
import { featureTables, listGlb, tilesetProblems } from './tilesetChecks';

/** 10^5 buildings in CI: generation ~3 s and tiling ~5 s on two cores, the checks a few seconds more. */
const BUILDINGS = 100_000;

describe(`the streaming tiler on a ${BUILDINGS.toLocaleString('en')}-building demo city`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-megacity-'));
  let city: DemoCity;
  let result: StreamingTilerResult;
  let seconds = 0;
  const progress: number[] = [];

  beforeAll(async () => {
    city = generateDemoCity(undefined, demoPlanFor(BUILDINGS));
    const t0 = performance.now();
    result = await tileBuildingsStreaming(city.buildings, city.frame, city.dem, dir, { workers: 2, onProgress: (d, t) => progress.push(d / t) });
    seconds = (performance.now() - t0) / 1000;
    console.log(`megacity: ${BUILDINGS} buildings tiled in ${seconds.toFixed(1)} s: ${JSON.stringify(result)}`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates exactly the buildings asked for, on a plan scaled to hold them', () => {
    expect(city.buildings.length).toBe(BUILDINGS);
    expect(city.plan.scale).toBeGreaterThan(2);
    expect(new Set(city.buildings.map((b) => b.id)).size).toBe(BUILDINGS);
  });

  it('keeps every tile under the byte and feature caps, on both worker threads, with progress', () => {
    expect(result.workers).toBe(2);
    expect(progress.at(-1)).toBe(1);
    const glbs = listGlb(dir);
    expect(glbs.length).toBe(result.tiles);
    for (const f of glbs) expect(statSync(f).size, f).toBeLessThanOrEqual(DEFAULT_TILE_LIMITS.maxTileBytes);
    expect(result.maxTileBytes).toBeLessThanOrEqual(DEFAULT_TILE_LIMITS.maxTileBytes);
    expect(result.maxTileFeatures).toBeLessThanOrEqual(DEFAULT_TILE_LIMITS.maxTileFeatures);
  });

  it('passes the schemas, nests every box, and its coarse tiles and a sample of leaves pass the glTF validator', async () => {
    const json = JSON.parse(readFileSync(join(dir, 'tileset.json'), 'utf8'));
    const sample: string[] = [];
    const leaves: string[] = [];
    const walk = (t: any, level: number) => {
      if (t.children) { if (level <= 2) sample.push(join(dir, t.content.uri)); } else leaves.push(join(dir, t.content.uri));
      (t.children ?? []).forEach((c: any) => walk(c, level + 1));
    };
    walk(json.root, 0);
    for (let i = 0; i < leaves.length; i += Math.ceil(leaves.length / 16)) sample.push(leaves[i]);
    const p = await tilesetProblems(dir, sample);
    expect({ ...p, tiles: 0 }).toEqual({ schema: [], nesting: [], gltf: [], tiles: 0 });
    expect(p.tiles).toBe(result.tiles);
  });

  it('keeps per-building ids at every level: each building once in the leaves, every building counted in the root', () => {
    const tables = featureTables(dir);
    const seen = new Uint8Array(BUILDINGS);
    let rootCount = 0;
    for (const t of tables) {
      if (t.className === 'building') {
        t.indices.forEach((i, k) => { expect(t.ids[k]).toBe(city.buildings[i].id); seen[i]++; });
      } else {
        t.indices.forEach((i, k) => expect(t.ids[k]).toBe(city.buildings[i].id));
        if (relative(dir, t.file) === 'b/0/0_0.glb') rootCount = t.buildingCounts.reduce((a, b) => a + b, 0);
      }
    }
    expect(seen.every((n) => n === 1)).toBe(true);
    expect(rootCount).toBe(BUILDINGS);
  });
});
