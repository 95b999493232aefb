import type { BandScratch, FloodBuffers } from './FloodBuffers';
import type { FloodParams } from './FloodParams';
import { instantiateFloodKernel, type FloodKernelExports } from './wasm/floodKernelModule';

/** Forcing of one step, the same for every band. */
export interface StepForcing {
  dtS: number;
  /** Rain depth falling on each open cell during the step (m). */
  rainDepthM: number;
  /** Drainage capacity during the step (m of depth per cell). */
  drainDepthM: number;
  /** Mean discharge of each inflow over the step (m³/s). */
  inflowM3PerS: Float64Array;
}

/**
 * One band of rows [j0, j1) of the local-inertial flood solver. The arithmetic runs in WebAssembly
 * (wasm/assembly/floodKernel.ts: raw edge fluxes, per-cell limiter, continuity, rain, drainage,
 * inflows in one sweep per step); this class lays the band's pointers into it and passes each
 * step's forcing. Halo rows of neighbouring bands are recomputed from the previous state, never
 * read half-written: the same arithmetic on the same inputs gives bit-identical results for any
 * band split.
 */
export class FloodBandKernel {
  readonly j0: number;
  readonly j1: number;
  private readonly k: FloodKernelExports;
  private readonly scratch: BandScratch;
  private readonly gravity: number;
  private readonly manningN: number;

  /** @param band index into buffers.bandScratch (each band has its own ring buffers). */
  constructor(b: FloodBuffers, params: FloodParams, cellSizeM: number, j0: number, j1: number, band = 0) {
    const { width: W, height: H } = b;
    if (!(j0 >= 0 && j1 <= H && j0 < j1)) throw new Error(`FloodBandKernel: band [${j0}, ${j1}) is not inside 0..${H}`);
    const s = b.bandScratch[band];
    if (!s) throw new Error(`FloodBandKernel: band ${band} has no scratch buffers (buffers were made for ${b.bandScratch.length} bands)`);
    this.j0 = j0; this.j1 = j1; this.scratch = s;
    this.gravity = params.gravityMPerS2; this.manningN = params.manningN;
    this.k = instantiateFloodKernel(b.memory, b.shared);
    const at = (v: ArrayBufferView) => v.byteOffset;
    this.k.init(
      W, H, j0, j1, at(b.zM), at(b.open), at(b.rowOpen), at(b.hM[0]), at(b.hM[1]), at(b.qxM2PerS[0]), at(b.qxM2PerS[1]),
      at(b.qyM2PerS[0]), at(b.qyM2PerS[1]), at(b.maxDepthM), at(b.rowVolM3), at(b.srcRowStart), at(b.srcCell), at(b.srcInflow),
      at(b.srcShare), at(s.rqx), at(s.rqy), at(s.f), at(s.cb), at(s.inflowM3PerS), at(s.limited),
    );
    const bd = params.boundaries;
    this.k.setConstants(cellSizeM, params.theta, params.hMinFlowM, params.froudeMax * Math.sqrt(params.gravityMPerS2),
      bd.west === 'open', bd.east === 'open', bd.south === 'open', bd.north === 'open');
  }

  /** Largest band depth (m) of the open cells, for the next CFL step. */
  hmax(parity: number): number { return this.k.hmax(parity); }

  /** Advances the band by one step reading state `parity` and writing 1 - parity; returns the band's new hmax (m). */
  step(parity: number, forcing: StepForcing): number {
    this.scratch.inflowM3PerS.set(forcing.inflowM3PerS);
    return this.k.step(parity, forcing.dtS, this.gravity, this.manningN, forcing.rainDepthM, forcing.drainDepthM);
  }
}
