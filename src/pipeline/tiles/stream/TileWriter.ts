import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DemGrid, type DemHeader } from '../../../geo/DemGrid';
import { LocalFrame } from '../../../geo/LocalFrame';
import { buildTileContent, type TileJob } from './tileContent';
import type { Bounds3 } from '../tilesetBox';

/** What a tile writer needs once: the tileset folder, the frame origin, the DEM, the caps. */
export interface TileWriterSetup {
  dir: string;
  originLonDeg: number;
  originLatDeg: number;
  dem: { header: DemHeader; heightsM: Float32Array };
  maxTileBytes: number;
  maxTileFeatures: number;
}

/** What writing one tile reports back. */
export interface WrittenTile { uri: string; bytes: number; bounds: Bounds3; features: number }

/**
 * Builds and writes tiles, one job at a time, in whichever thread it lives (a worker, or the
 * caller's for a single-threaded run). Refuses a tile over a cap, naming it and the cap.
 */
export class TileWriter {
  private readonly frame: LocalFrame;
  private readonly dem: DemGrid;
  private readonly made = new Set<string>();

  constructor(private readonly setup: TileWriterSetup) {
    this.frame = new LocalFrame(setup.originLonDeg, setup.originLatDeg);
    this.dem = new DemGrid(setup.dem.header, setup.dem.heightsM);
  }

  write(job: TileJob): WrittenTile {
    const content = buildTileContent(job, this.frame, this.dem);
    if (content.features > this.setup.maxTileFeatures) {
      throw new Error(`tiler: tile ${job.uri} would hold ${content.features} features, over the cap of ${this.setup.maxTileFeatures} (too many buildings within a meter of each other?)`);
    }
    if (content.bytes.byteLength > this.setup.maxTileBytes) {
      throw new Error(`tiler: tile ${job.uri} would take ${content.bytes.byteLength} bytes (${content.features} features), over the cap of ${this.setup.maxTileBytes} bytes`);
    }
    const path = join(this.setup.dir, job.uri), folder = dirname(path);
    if (!this.made.has(folder)) { mkdirSync(folder, { recursive: true }); this.made.add(folder); }
    writeFileSync(path, content.bytes);
    return { uri: job.uri, bytes: content.bytes.byteLength, bounds: content.bounds, features: content.features };
  }
}
