/**
 * In-page parts of the megacity browser bench (bench/megacityBrowser.bench.ts): each function is
 * sent to the page with page.evaluate, so it uses only its arguments and `window.twin`.
 */

/** A camera pose: lon, lat (deg), height (m), heading, pitch (rad). */
export type Pose = [number, number, number, number, number];

/**
 * The tour's stops: a serpentine over a 4x4 grid covering the city's square, each seen from 1.2 km
 * up looking north-east and down, and before every fourth the city-wide view (so tiles of the
 * whole city come and go through the cache).
 */
export function tourPoses(originLonDeg: number, originLatDeg: number, halfSizeM: number): Pose[] {
  const mLat = 110_850, mLon = 111_320 * Math.cos((originLatDeg * Math.PI) / 180);
  const stops: Pose[] = [];
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 4; c++) {
      const cc = r % 2 ? 3 - c : c;
      const e = (-0.75 + cc * 0.5) * halfSizeM, n = (-0.75 + r * 0.5) * halfSizeM;
      if ((r * 4 + c) % 4 === 0) stops.push([originLonDeg, originLatDeg - (halfSizeM * 1.98) / mLat, halfSizeM * 1.35, 0, -0.73]);
      stops.push([originLonDeg + e / mLon, originLatDeg + n / mLat, 1200, 0.8, -0.6]);
    }
  }
  return stops;
}

/**
 * In the workspace page: from stop `start` on, jumps to each stop and draws frames until its tiles
 * have loaded (at most `settleMs`), until `untilMs` (page clock). Returns frames drawn, stops
 * settled and the next stop.
 */
export async function flyWorkspaceUntil(arg: { poses: Pose[]; untilMs: number; start: number; settleMs: number }) {
  const { viewer, tilesets } = window.twin!.workspace;
  const scene = viewer.scene;
  const Cartesian3 = viewer.camera.position.constructor as unknown as { fromDegrees(lo: number, la: number, h: number): unknown };
  const rendered = () => new Promise<void>((ok) => { const off = scene.postRender.addEventListener(() => { off(); ok(); }); scene.requestRender(); });
  let i = arg.start, frames = 0, settled = 0;
  while (performance.now() < arg.untilMs) {
    const p = arg.poses[i % arg.poses.length];
    viewer.camera.setView({ destination: Cartesian3.fromDegrees(p[0], p[1], p[2]) as never, orientation: { heading: p[3], pitch: p[4], roll: 0 } });
    const stopEnd = performance.now() + arg.settleMs, minEnd = performance.now() + 600;
    // Cesium defers requests while the camera moves (this frame or the last) and foveated ones for 0.2 s.
    for (let f = 0; f < 4 || performance.now() < minEnd; f++) { await rendered(); frames++; }
    while (!(tilesets.buildings.tilesLoaded && tilesets.terrain.tilesLoaded) && performance.now() < stopEnd) { await rendered(); frames++; }
    if (tilesets.buildings.tilesLoaded && tilesets.terrain.tilesLoaded) settled++;
    i++;
  }
  return { frames, stops: i - arg.start, settled, next: i };
}

/** In the wall page: the same, the wall drawing every frame. */
export async function flyWallUntil(arg: { poses: Pose[]; untilMs: number; start: number; settleMs: number }) {
  const wall = window.twin!.wall!;
  wall.tour.stop();
  let i = arg.start, frames = 0, settled = 0;
  while (performance.now() < arg.untilMs) {
    const p = arg.poses[i % arg.poses.length];
    wall.rig.setGeo(p[0], p[1], p[2], p[3], p[4]);
    const stopEnd = performance.now() + arg.settleMs;
    for (let f = 0; f < 3; f++) { await wall.nextFrame(); frames++; }
    while (!wall.state.settled && performance.now() < stopEnd) { await wall.nextFrame(); frames++; }
    if (wall.state.settled) settled++;
    i++;
  }
  return { frames, stops: i - arg.start, settled, next: i };
}

/** In the page: tiles and tile bytes fetched so far (Resource Timing; the bench raised its buffer). */
export function fetchedTiles(cityName: string): { buildings: { requests: number; bytes: number }; terrain: { requests: number; bytes: number } } {
  const out = { buildings: { requests: 0, bytes: 0 }, terrain: { requests: 0, bytes: 0 } };
  for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    for (const k of ['buildings', 'terrain'] as const) {
      if (e.name.includes(`/tilesets/${cityName}/${k}/`) && !e.name.endsWith('tileset.json')) { out[k].requests++; out[k].bytes += e.encodedBodySize; }
    }
  }
  return out;
}

/** In the workspace page: tile GPU bytes (Cesium's count) and loaded tiles now. */
export function workspaceTileMemory() {
  const t = window.twin!.workspace.tilesets;
  const b = t.buildings as unknown as { totalMemoryUsageInBytes: number; memoryAdjustedScreenSpaceError: number };
  return {
    gpuBytes: t.buildings.totalMemoryUsageInBytes + t.terrain.totalMemoryUsageInBytes,
    buildingsGpuBytes: t.buildings.totalMemoryUsageInBytes, terrainGpuBytes: t.terrain.totalMemoryUsageInBytes,
    buildingsSsePx: +b.memoryAdjustedScreenSpaceError.toFixed(1),
    tilesLoadedSinceStart: window.twin!.load.buildingTilesLoaded + window.twin!.load.terrainTilesLoaded,
  };
}

/** In the wall page: tile GPU bytes (geometry + textures of loaded models), the LRU cache's count and loaded tiles. */
export function wallTileMemory() {
  const w = window.twin!.wall!;
  const g = w.tilesGpuBytes();
  return {
    gpuBytes: g.buildings + g.terrain, buildingsGpuBytes: g.buildings, terrainGpuBytes: g.terrain,
    lruCachedBytes: (w.tileCache as unknown as { cachedBytes: number }).cachedBytes,
    tilesLoadedSinceStart: w.state.buildingTilesLoaded + w.state.terrainTilesLoaded,
  };
}

/**
 * In the page: restyles every building of the city `runs` times through the state texture (one
 * `buildingColors` layer of 4 bytes per building, refilled each time); beside it a plain frame
 * (nothing changed) and, in the workspace, a Cesium3DTileStyle colour expression over the tiles'
 * `index` property (a new style each time, as live colouring by style needs), from the prebuilt
 * Cesium the bench added as `window.Cesium` (the app itself has no Cesium3DTileStyle).
 */
export async function restyleAll(arg: { buildings: number; runs: number }) {
  const t = window.twin!;
  const frame = async (): Promise<void> => {
    if (t.wall) { await t.wall.nextFrame(); return; }
    const scene = t.workspace.viewer.scene;
    await new Promise<void>((ok) => { const off = scene.postRender.addEventListener(() => { off(); ok(); }); scene.requestRender(); });
  };
  const timed = async (change: () => void) => { const t0 = performance.now(); change(); await frame(); return performance.now() - t0; };
  await frame();
  const plainMs: number[] = [], textureMs: number[] = [], flushMs: number[] = [], styleMs: number[] = [], styleApplyMs: number[] = [], styled: number[] = [];
  for (let k = 0; k < arg.runs; k++) plainMs.push(await timed(() => {}));
  const rgba = new Uint8Array(arg.buildings * 4);
  for (let k = 0; k < arg.runs; k++) {
    for (let i = 0; i < arg.buildings; i++) { const h = (i * 7 + k * 40) % 360; rgba[i * 4] = h; rgba[i * 4 + 1] = 255 - h / 2; rgba[i * 4 + 2] = 128; rgba[i * 4 + 3] = 255; }
    textureMs.push(await timed(() => t.overlay.set('bench-restyle', { kind: 'buildingColors', rgba, priority: 20 })));
    flushMs.push((t.wall ? t.wall.features.lastFlushMs : t.colours!.lastFlushMs));
  }
  const features = t.wall ? t.wall.features.stats() : t.colours!.stats();
  t.overlay.remove('bench-restyle');
  await frame();
  const Cesium = (window as unknown as { Cesium?: { Cesium3DTileStyle: new (o: object) => unknown } }).Cesium;
  if (!t.wall && Cesium) {
    const tileset = t.workspace.tilesets.buildings as unknown as { style: unknown };
    // Cesium's own time evaluating the style per feature: its (private) feature tables' applyStyle, timed in place.
    type Table = { applyStyle(style: unknown): void };
    let table: Table | undefined;
    const findTable = (tile: { content?: { _model?: { featureTables?: Table[]; _featureTables?: Table[] } }; children: unknown[] }): void => {
      const m = tile.content?._model, list = m?.featureTables ?? m?._featureTables;
      if (!table && list?.length) table = list[0];
      for (const c of tile.children) findTable(c as typeof tile);
    };
    findTable((tileset as unknown as { root: Parameters<typeof findTable>[0] }).root);
    const proto = table ? Object.getPrototypeOf(table) as Table : undefined, apply = proto?.applyStyle;
    let applyMs = 0, applied = 0;
    if (proto && apply) proto.applyStyle = function (this: { _featuresLength?: number }, st: unknown) { const a = performance.now(); apply.call(this, st); applyMs += performance.now() - a; applied += this._featuresLength ?? 0; };
    for (let k = 0; k < arg.runs; k++) {
      const style = new Cesium.Cesium3DTileStyle({ color: `hsla(((\${index} * 7 + ${k * 40}) % 360) / 360.0, 0.8, 0.5, 1.0)` });
      applyMs = 0; applied = 0;
      styleMs.push(await timed(() => { tileset.style = style; }));
      styleApplyMs.push(applyMs);
      styled.push(applied);
    }
    if (proto && apply) proto.applyStyle = apply;
    tileset.style = undefined;
    await frame();
  }
  return { plainMs, textureMs, flushMs, styleMs, styleApplyMs, featuresStyledByStyle: styled, loadedFeatures: features.features, colouredByTexture: features.coloured };
}
