/**
 * Analysis bench on the demo city (23k buildings, 20 m DEM), 大寒 2026-01-20, 08:00-16:00 true
 * solar time at 1-min steps (480 sun directions): sunlight sample points per second over 1 and 2
 * worker threads for 10^4 and 10^5 facade samples, beside the brute-force peer (every ray against
 * every building, bounding box first, no index) on a subsample whose minutes must agree exactly;
 * viewshed cells per second beside exact per-cell lines of sight (prism intersection + DEM march)
 * on a subsample, with their agreement.
 */
import { generateDemoCity } from '../src/pipeline/demo-city/generateDemoCity';
import { nodeAnalysisClient } from '../src/analysis/node/nodeAnalysisClient';
import { AnalysisScene } from '../src/analysis/scene/AnalysisScene';
import { citySceneData } from '../src/analysis/scene/citySceneData';
import { prismEntry } from '../src/analysis/scene/prismRay';
import type { PrismSet } from '../src/analysis/scene/PrismSet';
import { lineOfSight } from '../src/analysis/sight/lineOfSight';
import { VIEWSHED_OUTSIDE, VIEWSHED_VISIBLE, viewshed } from '../src/analysis/sight/viewshed';
import { facadeSamples, sliceSamples } from '../src/analysis/sunlight/FacadeSamples';
import { sunlightMinutes, type Occluder } from '../src/analysis/sunlight/sunlightMinutes';
import { sunPath } from '../src/analysis/sun/sunPath';

const ms = (t0: number) => performance.now() - t0;
const r1 = (v: number) => Math.round(v * 10) / 10;

/** Every ray against every prism (2D bounding box first), then the terrain: the no-index peer. */
function bruteForce(prisms: PrismSet, scene: AnalysisScene): Occluder {
  const box = new Float64Array(4 * prisms.count);
  for (let p = 0; p < prisms.count; p++) {
    let a = Infinity, b = Infinity, c = -Infinity, d = -Infinity;
    for (let v = prisms.ringStart[p]; v < prisms.ringStart[p + 1]; v++) {
      const x = prisms.xyM[2 * v], y = prisms.xyM[2 * v + 1];
      a = Math.min(a, x); b = Math.min(b, y); c = Math.max(c, x); d = Math.max(d, y);
    }
    box.set([a, b, c, d], 4 * p);
  }
  return {
    blockedByTerrain: (ox, oy, oz, dx, dy, dz) => scene.terrainHit(ox, oy, oz, dx, dy, dz, Infinity) < Infinity,
    blockedByBuildings(ox, oy, oz, dx, dy, dz) {
      for (let p = 0; p < prisms.count; p++) {
        // Skip a prism whose box the ray's 2D line cannot reach before rising above its top.
        const reach = dz > 0 ? (prisms.topM[p] - oz) / dz : Infinity;
        if (!(reach > 0)) continue;
        const ex = ox + dx * reach, ey = oy + dy * reach;
        if (Math.max(ox, ex) < box[4 * p] || Math.min(ox, ex) > box[4 * p + 2] || Math.max(oy, ey) < box[4 * p + 1] || Math.min(oy, ey) > box[4 * p + 3]) continue;
        if (prismEntry(prisms, p, ox, oy, oz, dx, dy, dz, 0, reach) < Infinity) return true;
      }
      return false;
    },
  };
}

export async function run(): Promise<object> {
  const t0 = performance.now();
  const city = generateDemoCity();
  const { data, groundM } = citySceneData(city);
  const scene = new AnalysisScene(data);
  const setupS = ms(t0) / 1000;
  const residential = city.buildings.map((b, i) => (b.use === 'residential' ? i : -1)).filter((i) => i >= 0);
  // Spread over the city: every 3rd residential building, sampled every 3 m on every floor.
  const all = facadeSamples(city.buildings, residential.filter((_, k) => k % 3 === 0), groundM, { spacingM: 3 });
  const path = sunPath('2026-01-20', 104.06, 30.66);
  const client = nodeAnalysisClient(2);
  const sunlight: Record<string, unknown> = {};
  try {
    await client.setScene(data);
    await client.ready(2); // both workers started and holding the scene before any timing
    for (const n of [10_000, 100_000]) {
      const step = Math.floor(all.count / n), idx = Array.from({ length: n }, (_, k) => k * step);
      const samples = pick(all, idx);
      const row: Record<string, number> = { samples: n, sunDirections: path.count };
      let minutes: Float32Array = new Float32Array(0);
      for (const workers of [1, 2]) {
        const t = performance.now();
        minutes = await client.sunlight(samples, path, { workers });
        row[`pointsPerS${workers}Worker${workers > 1 ? 's' : ''}`] = Math.round(n / (ms(t) / 1000));
      }
      const peerN = 48, peerIdx = Array.from({ length: peerN }, (_, k) => Math.floor((k * n) / peerN));
      const t = performance.now();
      const brute = sunlightMinutes(bruteForce(data.prisms, scene), pick(samples, peerIdx), path);
      row.bruteForcePointsPerS = r1(peerN / (ms(t) / 1000));
      row.bruteForceSubsample = peerN;
      row.bruteForceAgrees = Number(peerIdx.every((i, k) => brute[k] === minutes[i]));
      row.speedup1Worker = Math.round(row.pointsPerS1Worker / row.bruteForcePointsPerS);
      row.twoWorkersOverOne = r1(row.pointsPerS2Workers / row.pointsPerS1Worker);
      row.meanMinutes = r1(minutes.reduce((a, b) => a + b, 0) / n);
      sunlight[`n${n}`] = row;
    }
  } finally {
    client.dispose();
  }
  return { city: { buildings: city.buildings.length, setupS: r1(setupS) }, sunlight, viewshed: viewshedBench(scene) };
}

/** Samples at the given indices, as one set. */
function pick(s: ReturnType<typeof facadeSamples>, idx: number[]): ReturnType<typeof facadeSamples> {
  const parts = idx.map((i) => sliceSamples(s, i, i + 1));
  const out = sliceSamples(s, 0, idx.length);
  parts.forEach((p, k) => {
    out.positionM.set(p.positionM, 3 * k); out.normal.set(p.normal, 2 * k);
    out.building[k] = p.building[0]; out.floor[k] = p.floor[0]; out.facade[k] = p.facade[0];
  });
  return out;
}

/** Viewshed from a street corner near the centre: raster cells per second vs exact lines of sight. */
function viewshedBench(scene: AnalysisScene): object {
  const out: Record<string, unknown> = {};
  for (const [radiusM, cellSizeM] of [[500, 2], [1500, 5]]) {
    const t = performance.now();
    const v = viewshed(scene, { observerM: [40, 25], radiusM, cellSizeM, eyeHeightM: 1.6 });
    const cellsPerS = Math.round(v.cellsInRadius / (ms(t) / 1000));
    // Peer: exact line of sight (prisms + DEM) to the surface at 400 cells in the radius.
    const cells: number[] = [];
    for (let k = 0; k < v.cells.length && cells.length < 400; k += 97) if (v.cells[k] !== VIEWSHED_OUTSIDE) cells.push(k);
    const t2 = performance.now();
    let agree = 0;
    for (const k of cells) {
      const i = k % v.width, j = Math.floor(k / v.width);
      const x = v.originM[0] + (i + 0.5) * cellSizeM, y = v.originM[1] + (j + 0.5) * cellSizeM;
      const los = lineOfSight(scene, v.eyeM, [x, y, v.surfaceM[k]], cellSizeM);
      if (los.visible === (v.cells[k] === VIEWSHED_VISIBLE)) agree++;
    }
    const peerPerS = cells.length / (ms(t2) / 1000);
    out[`r${radiusM}m_${cellSizeM}m`] = {
      cells: v.cellsInRadius, visibleShare: r1((100 * v.visibleCells) / v.cellsInRadius) / 100, cellsPerS,
      exactLosCellsPerS: Math.round(peerPerS), speedup: r1(cellsPerS / peerPerS), exactLosAgreementPct: r1((100 * agree) / cells.length),
    };
  }
  return out;
}
