import { FLOOD_KERNEL_WASM_BASE64 } from './floodKernelWasm';

/** Exports of the compiled kernel (assembly/floodKernel.ts); offsets are bytes into the imported memory. */
export interface FloodKernelExports {
  init(
    width: number, height: number, j0: number, j1: number,
    z: number, open: number, rowOpen: number, h0: number, h1: number, qx0: number, qx1: number, qy0: number, qy1: number,
    maxD: number, rowVol: number, srcRowStart: number, srcCell: number, srcInflow: number, srcShare: number,
    rqx: number, rqy: number, f: number, cb: number, inflowRate: number, lim: number,
  ): void;
  setConstants(dx: number, theta: number, hMinM: number, froudeCap: number, west: boolean, east: boolean, south: boolean, north: boolean): void;
  hmax(parity: number): number;
  step(parity: number, dt: number, gravity: number, manningN: number, rainDepthM: number, drainDepthM: number): number;
}

const compiled: { shared?: WebAssembly.Module; unshared?: WebAssembly.Module } = {};

/**
 * The kernel compiled once per thread and memory kind (synchronous: the module is ~5 KB, and flood
 * solvers run in workers or node, where synchronous compilation has no size limit).
 */
function kernelModule(shared: boolean): WebAssembly.Module {
  const key = shared ? 'shared' : 'unshared';
  let m = compiled[key];
  if (!m) {
    const bin = atob(FLOOD_KERNEL_WASM_BASE64[key]);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    try {
      m = compiled[key] = new WebAssembly.Module(bytes);
    } catch (err) {
      // The kernel uses 128-bit SIMD (and, shared, threads): Chrome 91+, Firefox 89+, Safari 16.4+, node 16.4+.
      throw new Error(`flood kernel: this engine cannot compile the ${key}-memory WebAssembly kernel (it needs WebAssembly SIMD${shared ? ' and threads' : ''}): ${(err as Error).message}`);
    }
  }
  return m;
}

/** A kernel instance on `memory` (one per band: its globals hold the band's pointers). */
export function instantiateFloodKernel(memory: WebAssembly.Memory, shared: boolean): FloodKernelExports {
  const instance = new WebAssembly.Instance(kernelModule(shared), { env: { memory } });
  return instance.exports as unknown as FloodKernelExports;
}
