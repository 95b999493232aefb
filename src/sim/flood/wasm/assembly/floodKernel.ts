// AssemblyScript: the local-inertial flood kernel of one band of rows, compiled to WebAssembly by
// scripts/buildFloodWasm.ts (`npm run build:wasm`, into ../floodKernelWasm.ts). f64 maths, fluxes
// stored as f32, depth as f64, as the TypeScript kernel it replaced; its own cube root (cbrtDepth)
// instead of libm's. WebAssembly arithmetic is IEEE-exact and calls no library, so node and every
// browser give the same bits (V8's Math.cbrt differed between versions in the last bit).
//
// Scheme (see ../../README.md): raw edge fluxes (Bates et al. 2010 with de Almeida theta weighting,
// semi-implicit Manning friction, Froude cap) -> per-cell limiter (a cell never loses more than it
// holds; each flux is scaled by its upstream cell's factor) -> continuity, rain, drainage, inflows.
// The sweep lags one row behind the fluxes and keeps the rows it needs in per-band ring buffers.
// The row loops run two cells per instruction (wasm SIMD f64x2) with a scalar tail; every lane does
// the scalar code's arithmetic in the same order, so a cell gets the same bits on either path.
//
// All arrays live in the imported memory at byte offsets set by init(); one instance per band.

// Grid and band.
let W: i32 = 0;
let H: i32 = 0;
let J0: i32 = 0;
let J1: i32 = 0;
// Static arrays: bed (f32), open flag (u8), open cells per row (f64).
let pZ: usize = 0;
let pOpen: usize = 0;
let pRowOpen: usize = 0;
// Double-buffered state: depth (f64), x and y unit discharges (f32).
let pH0: usize = 0;
let pH1: usize = 0;
let pQx0: usize = 0;
let pQx1: usize = 0;
let pQy0: usize = 0;
let pQy1: usize = 0;
let pMaxD: usize = 0;
let pRowVol: usize = 0;
// Inflow sources (CSR by row) and this step's discharge per inflow (f64, written by the host).
let pSrcRowStart: usize = 0;
let pSrcCell: usize = 0;
let pSrcInflow: usize = 0;
let pSrcShare: usize = 0;
let pInflowRate: usize = 0;
// Ring buffers of this band: raw x fluxes (2 rows of W + 1), raw y fluxes (3 edge rows of W),
// limiter factors (3 rows of W + 1, slot (row + 1) % 3), cube roots of depth (3 rows of W, slot
// row % 3), and whether a factor row has any value below 1 (3 x i32).
let pRqx: usize = 0;
let pRqy: usize = 0;
let pF: usize = 0;
let pCb: usize = 0;
let pLim: usize = 0;
// Constants.
let invDx: f64 = 0;
let areaM2: f64 = 0;
let theta: f64 = 1;
let hMin: f64 = 0;
let frCap: f64 = Infinity;
let westOpen: bool = false;
let eastOpen: bool = false;
let southOpen: bool = false;
let northOpen: bool = false;
// Per step.
let pH: usize = 0;
let pHn: usize = 0;
let pQx: usize = 0;
let pQxN: usize = 0;
let pQy: usize = 0;
let pQyN: usize = 0;
let dtS: f64 = 0;
let gdt: f64 = 0;
let gdtn2: f64 = 0;
/** g dt / dx. */
let gInvDx: f64 = 0;
let rainM: f64 = 0;
let drainM: f64 = 0;
let bandHmax: f64 = 0;

const ROW_RAIN: i32 = 0, ROW_INFLOW: i32 = 1, ROW_DRAIN: i32 = 2, ROW_OUTFLOW: i32 = 3;

@inline function f64At(base: usize, i: i32): f64 { return load<f64>(base + (<usize>i << 3)); }
@inline function setF64(base: usize, i: i32, v: f64): void { store<f64>(base + (<usize>i << 3), v); }
@inline function f32At(base: usize, i: i32): f64 { return <f64>load<f32>(base + (<usize>i << 2)); }
@inline function setF32(base: usize, i: i32, v: f64): void { store<f32>(base + (<usize>i << 2), <f32>v); }
@inline function i32At(base: usize, i: i32): i32 { return load<i32>(base + (<usize>i << 2)); }
@inline function setI32(base: usize, i: i32, v: i32): void { store<i32>(base + (<usize>i << 2), v); }

/** Sets the grid, the band [j0, j1) and the byte offsets of every array (laid out by FloodBuffers.ts). */
export function init(
  width: i32, height: i32, j0: i32, j1: i32,
  z: usize, open: usize, rowOpen: usize, h0: usize, h1: usize, qx0: usize, qx1: usize, qy0: usize, qy1: usize,
  maxD: usize, rowVol: usize, srcRowStart: usize, srcCell: usize, srcInflow: usize, srcShare: usize,
  rqx: usize, rqy: usize, f: usize, cb: usize, inflowRate: usize, lim: usize,
): void {
  W = width; H = height; J0 = j0; J1 = j1;
  pZ = z; pOpen = open; pRowOpen = rowOpen; pH0 = h0; pH1 = h1; pQx0 = qx0; pQx1 = qx1; pQy0 = qy0; pQy1 = qy1;
  pMaxD = maxD; pRowVol = rowVol; pSrcRowStart = srcRowStart; pSrcCell = srcCell; pSrcInflow = srcInflow; pSrcShare = srcShare;
  pRqx = rqx; pRqy = rqy; pF = f; pCb = cb; pInflowRate = inflowRate; pLim = lim;
  for (let k = 0; k < 3 * (width + 1); k++) setF64(pF, k, 1);
  for (let k = 0; k < 3; k++) setI32(pLim, k, 0);
}

/** Physical constants of the run. */
export function setConstants(dx: f64, th: f64, hMinM: f64, froudeCap: f64, west: bool, east: bool, south: bool, north: bool): void {
  invDx = 1 / dx; areaM2 = dx * dx; theta = th; hMin = hMinM; frCap = froudeCap;
  westOpen = west; eastOpen = east; southOpen = south; northOpen = north;
}

/** Largest depth (m) in the band of state `parity`. */
export function hmax(parity: i32): f64 {
  const h = parity == 0 ? pH0 : pH1;
  let m: f64 = 0;
  for (let k = J0 * W, end = J1 * W; k < end; k++) { const d = f64At(h, k); if (d > m) m = d; }
  return m;
}

@inline function ld2(base: usize, i: i32): v128 { return v128.load(base + (<usize>i << 3)); }
@inline function st2(base: usize, i: i32, v: v128): void { v128.store(base + (<usize>i << 3), v); }
@inline function ld2f32(base: usize, i: i32): v128 { return f64x2.promote_low_f32x4(v128.load64_zero(base + (<usize>i << 2))); }
@inline function st2f32(base: usize, i: i32, v: v128): void { v128.store64_lane(base + (<usize>i << 2), f32x4.demote_f64x2_zero(v), 0); }
/** a where mask, else b. */
@inline function sel(mask: v128, a: v128, b: v128): v128 { return v128.bitselect(a, b, mask); }
@inline function splat(x: f64): v128 { return f64x2.splat(x); }

/**
 * Cube root of a depth (x > 0, m) without a division: a bit-level first guess of x^(-1/3) (the
 * float's bits over 3, taken through f32; constant 0x54a21d2a: within 3.5 %), three multiply-only
 * Newton steps r <- r (4 - x r³) / 3 (relative error 2.4e-10 over 1e-4..100 m), cbrt(x) = x r².
 * libm's cbrt took a third of the kernel's time; this error is far below the friction term's.
 */
@inline function cbrtDepth(x: f64): f64 {
  const third = <u32>(<f32>reinterpret<u32>(<f32>x) * <f32>(1.0 / 3));
  let r = <f64>reinterpret<f32>(0x54a21d2a - third);
  const x3 = x * (1.0 / 3);
  // r (4 - x r³) / 3 as 4/3 r - (x/3 r²) r²: a shorter chain of dependent multiplies.
  let r2 = r * r;
  r = r * (4.0 / 3) - x3 * r2 * r2; r2 = r * r;
  r = r * (4.0 / 3) - x3 * r2 * r2; r2 = r * r;
  r = r * (4.0 / 3) - x3 * r2 * r2;
  return x * r * r;
}

/** cbrtDepth of both lanes, the same operations in the same order. */
@inline function cbrtDepthV(x: v128): v128 {
  const bits = f32x4.demote_f64x2_zero(x);
  const third = i32x4.trunc_sat_f32x4_u(f32x4.mul(f32x4.convert_i32x4_u(bits), f32x4.splat(<f32>(1.0 / 3))));
  let r = f64x2.promote_low_f32x4(i32x4.sub(i32x4.splat(0x54a21d2a), third));
  const k43 = splat(4.0 / 3), x3 = f64x2.mul(x, splat(1.0 / 3));
  let r2 = f64x2.mul(r, r);
  r = f64x2.sub(f64x2.mul(r, k43), f64x2.mul(f64x2.mul(x3, r2), r2)); r2 = f64x2.mul(r, r);
  r = f64x2.sub(f64x2.mul(r, k43), f64x2.mul(f64x2.mul(x3, r2), r2)); r2 = f64x2.mul(r, r);
  r = f64x2.sub(f64x2.mul(r, k43), f64x2.mul(f64x2.mul(x3, r2), r2));
  return f64x2.mul(f64x2.mul(x, r), r);
}

/** Caches cbrt(depth) of row r's wet cells (0 on dry ones) in ring slot r % 3. */
function cubeRootRow(r: i32): void {
  const base = r * W, off = (r % 3) * W, hMinV = splat(hMin);
  let i = 0;
  for (; i + 1 < W; i += 2) {
    const d = ld2(pH, base + i), wet = f64x2.gt(d, hMinV);
    st2(pCb, off + i, v128.and(cbrtDepthV(sel(wet, d, hMinV)), wet));
  }
  for (; i < W; i++) { const d = f64At(pH, base + i); setF64(pCb, off + i, d > hMin ? cbrtDepth(d) : 0); }
}

/**
 * Local-inertial update of one edge (positive q flows from L to R) from the weighted previous flux
 * qa, friction from q0 (hf73 = hf^(7/3)), capped at the Froude limit.
 */
@inline function inertial(qa: f64, q0: f64, hf: f64, hf73: f64, dEta: f64): f64 {
  const q = ((qa - gInvDx * hf * dEta) * hf73) / (hf73 + gdtn2 * Math.abs(q0));
  const cap = frCap * hf * Math.sqrt(hf);
  return q > cap ? cap : q < -cap ? -cap : q;
}

/** Free outflow through a side (the larger of the surface's and the bed's drop inward), never an inflow. */
function sideOutflow(k: i32, kIn: i32, q0: f64, sign: f64): f64 {
  const h = f64At(pH, k);
  if (h <= hMin) return 0;
  const zk = f32At(pZ, k), zIn = f32At(pZ, kIn);
  if (zIn >= 1e5) return 0;
  const drop = Math.max(zIn + f64At(pH, kIn) - (zk + h), zIn - zk);
  if (!(drop > 0)) return 0;
  const q = sign * inertial(sign * q0, q0, h, h * h * cbrtDepth(h), -drop);
  return sign * q > 0 ? q : 0;
}

/**
 * Raw flux of an inner edge between cells L and R (positive from L to R): hf, the flow depth, is
 * max(etaL, etaR) - max(zL, zR), taken as the upstream cell's own depth when it also has the higher
 * bed; no flux below hMin (walls have a bed far above any water, so hf < 0 next to them). The
 * previous flux is theta-weighted with its neighbours along the flow (de Almeida et al. 2012; a
 * neighbour that carried nothing stands in with q0).
 */
@inline function edgeFlux(zL: f64, hL: f64, cbL: f64, zR: f64, hR: f64, cbR: f64, q0: f64, qBefore: f64, qAfter: f64): f64 {
  const etaL = zL + hL, etaR = zR + hR;
  let hf: f64, cbh: f64;
  if (etaL > etaR) { if (zL >= zR) { hf = hL; cbh = cbL; } else { hf = etaL - zR; cbh = -1; } }
  else if (zR >= zL) { hf = hR; cbh = cbR; } else { hf = etaR - zL; cbh = -1; }
  if (!(hf > hMin)) return 0;
  const qa = theta * q0 + 0.5 * (1 - theta) * ((qBefore != 0 ? qBefore : q0) + (qAfter != 0 ? qAfter : q0));
  return inertial(qa, q0, hf, hf * hf * (cbh < 0 ? cbrtDepth(hf) : cbh), etaR - etaL);
}

/**
 * edgeFlux of two edges at once; dry lanes compute on hMin and are zeroed at the end. The cube
 * root is computed here only when a wet lane's flow depth is not its upstream cell's own depth.
 */
@inline function edgeFluxV(zL: v128, hL: v128, cbL: v128, zR: v128, hR: v128, cbR: v128, q0: v128, qBefore: v128, qAfter: v128): v128 {
  const etaL = f64x2.add(zL, hL), etaR = f64x2.add(zR, hR);
  const leftUp = f64x2.gt(etaL, etaR), zLge = f64x2.ge(zL, zR), zRge = f64x2.ge(zR, zL);
  const hf = sel(leftUp, sel(zLge, hL, f64x2.sub(etaL, zR)), sel(zRge, hR, f64x2.sub(etaR, zL)));
  const hMinV = splat(hMin), wet = f64x2.gt(hf, hMinV);
  if (!v128.any_true(wet)) return splat(0);
  const h = sel(wet, hf, hMinV), zero = splat(0);
  const cached = sel(leftUp, zLge, zRge);
  let cb = sel(leftUp, cbL, cbR);
  if (v128.any_true(v128.andnot(wet, cached))) cb = sel(cached, cb, cbrtDepthV(h));
  const qb = sel(f64x2.ne(qBefore, zero), qBefore, q0), qn = sel(f64x2.ne(qAfter, zero), qAfter, q0);
  const qa = f64x2.add(f64x2.mul(splat(theta), q0), f64x2.mul(splat(0.5 * (1 - theta)), f64x2.add(qb, qn)));
  const hf73 = f64x2.mul(f64x2.mul(h, h), cb);
  const num = f64x2.mul(f64x2.sub(qa, f64x2.mul(f64x2.mul(splat(gInvDx), h), f64x2.sub(etaR, etaL))), hf73);
  const q = f64x2.div(num, f64x2.add(hf73, f64x2.mul(splat(gdtn2), f64x2.abs(q0))));
  const cap = f64x2.mul(f64x2.mul(splat(frCap), h), f64x2.sqrt(h));
  return v128.and(f64x2.max(f64x2.min(q, cap), f64x2.neg(cap)), wet);
}

/** Raw x fluxes of row r, edges 0..W, into rqx at `off`. Needs cubeRootRow(r). */
function rawQxRow(r: i32, off: i32): void {
  const base = r * W, eb = r * (W + 1), co = (r % 3) * W - base;
  setF64(pRqx, off, westOpen && W > 1 ? sideOutflow(base, base + 1, f32At(pQx, eb), -1) : 0);
  let i = 1;
  for (; i + 1 < W; i += 2) {
    const kR = base + i;
    st2(pRqx, off + i, edgeFluxV(ld2f32(pZ, kR - 1), ld2(pH, kR - 1), ld2(pCb, co + kR - 1), ld2f32(pZ, kR), ld2(pH, kR), ld2(pCb, co + kR),
      ld2f32(pQx, eb + i), ld2f32(pQx, eb + i - 1), ld2f32(pQx, eb + i + 1)));
  }
  for (; i < W; i++) {
    const kR = base + i;
    setF64(pRqx, off + i, edgeFlux(f32At(pZ, kR - 1), f64At(pH, kR - 1), f64At(pCb, co + kR - 1), f32At(pZ, kR), f64At(pH, kR), f64At(pCb, co + kR),
      f32At(pQx, eb + i), f32At(pQx, eb + i - 1), f32At(pQx, eb + i + 1)));
  }
  setF64(pRqx, off + W, eastOpen && W > 1 ? sideOutflow(base + W - 1, base + W - 2, f32At(pQx, eb + W), 1) : 0);
}

/** Raw fluxes of a side edge row (e = 0 south, e = H north) into rqy at `off`. */
function sideQyEdge(e: i32, off: i32): void {
  const open = (e == 0 ? southOpen : northOpen) && H > 1;
  const row = e == 0 ? 0 : H - 1, inner = e == 0 ? 1 : H - 2;
  const sign: f64 = e == 0 ? -1 : 1;
  for (let i = 0; i < W; i++) setF64(pRqy, off + i, open ? sideOutflow(row * W + i, inner * W + i, f32At(pQy, e * W + i), sign) : 0);
}

/** Raw y fluxes of edge row e (between rows e - 1 and e) into rqy at `off`. Needs cubeRootRow(e - 1) and (e). */
function rawQyEdge(e: i32, off: i32): void {
  if (e == 0 || e == H) { sideQyEdge(e, off); return; }
  const eb = e * W, sBase = (e - 1) * W;
  const cS = ((e - 1) % 3) * W - sBase, cN = (e % 3) * W - sBase - W;
  let i = 0;
  for (; i + 1 < W; i += 2) {
    const kS = sBase + i, kN = kS + W;
    st2(pRqy, off + i, edgeFluxV(ld2f32(pZ, kS), ld2(pH, kS), ld2(pCb, cS + kS), ld2f32(pZ, kN), ld2(pH, kN), ld2(pCb, cN + kN),
      ld2f32(pQy, eb + i), ld2f32(pQy, eb + i - W), ld2f32(pQy, eb + i + W)));
  }
  for (; i < W; i++) {
    const kS = sBase + i, kN = kS + W;
    setF64(pRqy, off + i, edgeFlux(f32At(pZ, kS), f64At(pH, kS), f64At(pCb, cS + kS), f32At(pZ, kN), f64At(pH, kN), f64At(pCb, cN + kN),
      f32At(pQy, eb + i), f32At(pQy, eb + i - W), f32At(pQy, eb + i + W)));
  }
}

/** Factors of 1 for a row outside the grid (never upstream of an edge that carries water). */
function setUnlimited(r: i32): void {
  const W1 = W + 1, slot = (r + 1) % 3;
  for (let k = slot * W1, end = slot * W1 + W1; k < end; k++) setF64(pF, k, 1);
  setI32(pLim, slot, 0);
}

/** Limiter factor of one cell: min(1, depth / what its outflows would take), 0 when dry. */
@inline function factor(w: f64, e: f64, s: f64, n: f64, avail: f64, c: f64): f64 {
  const out = ((w < 0 ? -w : 0) + (e > 0 ? e : 0) + (s < 0 ? -s : 0) + (n > 0 ? n : 0)) * c;
  return out > avail ? (avail > 0 ? avail / out : 0) : 1;
}

/** Limiter factors of row r into its f slot, and whether any is below 1. */
function limit(r: i32): void {
  const base = r * W, ox = (r & 1) * (W + 1), os = (r % 3) * W, on = ((r + 1) % 3) * W;
  const slot = (r + 1) % 3, fo = slot * (W + 1), c = dtS * invDx;
  const zero = splat(0), one = splat(1), cV = splat(c);
  let limitedV = splat(0);
  let i = 0;
  for (; i + 1 < W; i += 2) {
    const w = ld2(pRqx, ox + i), e = ld2(pRqx, ox + i + 1), s = ld2(pRqy, os + i), n = ld2(pRqy, on + i);
    const avail = ld2(pH, base + i);
    const out = f64x2.mul(f64x2.add(f64x2.add(f64x2.add(
      f64x2.max(f64x2.neg(w), zero), f64x2.max(e, zero)), f64x2.max(f64x2.neg(s), zero)), f64x2.max(n, zero)), cV);
    const over = f64x2.gt(out, avail);
    limitedV = v128.or(limitedV, over);
    st2(pF, fo + i, sel(over, sel(f64x2.gt(avail, zero), f64x2.div(avail, out), zero), one));
  }
  let limited = v128.any_true(limitedV) ? 1 : 0;
  for (; i < W; i++) {
    const fi = factor(f64At(pRqx, ox + i), f64At(pRqx, ox + i + 1), f64At(pRqy, os + i), f64At(pRqy, on + i), f64At(pH, base + i), c);
    if (fi < 1) limited = 1;
    setF64(pF, fo + i, fi);
  }
  setI32(pLim, slot, limited);
}

/** Raw fluxes of row r's x edges and its north edge row, then row r's limiter factors. */
function prepare(r: i32): void {
  rawQxRow(r, (r & 1) * (W + 1));
  if (r + 1 < H) cubeRootRow(r + 1);
  rawQyEdge(r + 1, ((r + 1) % 3) * W);
  limit(r);
}

/**
 * Rain onto open cell k's new depth d, then drainage up to `cap` (never below 0); stores the depth
 * and the cell's peak; returns the depth drained (m).
 */
@inline function settleCell(k: i32, d: f64, rain: f64, cap: f64): f64 {
  let t: f64 = 0;
  if (load<u8>(pOpen + <usize>k) == 1) {
    d += rain;
    if (d > 0 && cap > 0) { t = d < cap ? d : cap; d -= t; }
  }
  setF64(pHn, k, d);
  if (d > f32At(pMaxD, k)) setF32(pMaxD, k, d);
  return t;
}

/** Open flags of cells k and k + 1 as lane masks. */
@inline function openMask2(k: i32): v128 {
  const bytes = v128.load16_splat(pOpen + <usize>k);
  return i64x2.eq(i64x2.extend_low_i32x4_u(i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(bytes))), i64x2.splat(1));
}

/** settleCell of cells k and k + 1 (same operations per lane); returns the depths drained. `dn` gets the new depths. */
@inline function settleCells2(k: i32, d: v128, rainV: v128, capV: v128, capOn: v128): v128 {
  const open = openMask2(k), zero = splat(0);
  const dr = sel(open, f64x2.add(d, rainV), d);
  const t = v128.and(f64x2.min(dr, capV), v128.and(v128.and(open, capOn), f64x2.gt(dr, zero)));
  const dn = f64x2.sub(dr, t);
  st2(pHn, k, dn);
  const m = ld2f32(pMaxD, k);
  st2f32(pMaxD, k, sel(f64x2.gt(dn, m), dn, m));
  return t;
}

/** Largest lane of the new depths of cells k, k + 1 against hm. */
@inline function hmax2(k: i32, hm: f64): f64 {
  const d0 = f64At(pHn, k), d1 = f64At(pHn, k + 1);
  if (d0 > hm) hm = d0;
  return d1 > hm ? d1 : hm;
}

/** Row r when no factor around it is below 1: the raw fluxes are the fluxes. Returns drained depth (m). */
function continuityRaw(r: i32): f64 {
  const base = r * W, ox = (r & 1) * (W + 1), os = (r % 3) * W, on = ((r + 1) % 3) * W, ex = r * (W + 1) + 1;
  const c = dtS * invDx, rain = rainM, cap = drainM;
  const cV = splat(c), rainV = splat(rain), capV = splat(cap), capOn = cap > 0 ? i64x2.splat(-1) : splat(0);
  let drainedV = splat(0), hm = bandHmax;
  setF32(pQxN, ex - 1, f64At(pRqx, ox));
  let i = 0;
  for (; i + 1 < W; i += 2) {
    const east = ld2(pRqx, ox + i + 1), south = ld2(pRqy, os + i), k = base + i;
    const d = f64x2.add(ld2(pH, k), f64x2.mul(cV, f64x2.sub(f64x2.add(f64x2.sub(ld2(pRqx, ox + i), east), south), ld2(pRqy, on + i))));
    drainedV = f64x2.add(drainedV, settleCells2(k, d, rainV, capV, capOn));
    hm = hmax2(k, hm);
    st2f32(pQxN, ex + i, east);
    st2f32(pQyN, base + i, south);
  }
  bandHmax = hm;
  let drained = f64x2.extract_lane(drainedV, 0) + f64x2.extract_lane(drainedV, 1);
  // The tail cell: all factors around it are 1, and a flux times 1 is that flux, so the limited
  // scalar loop gives it exactly the raw arithmetic.
  if (i < W) drained += continuityScalar(r, i, W, f64At(pRqx, ox + i));
  return drained;
}

/** Edge flux q scaled by its upstream cell's factor: fPos when q > 0 (flows towards +), else fNeg. */
@inline function limited2(q: v128, fPos: v128, fNeg: v128): v128 { return f64x2.mul(q, sel(f64x2.gt(q, splat(0)), fPos, fNeg)); }

/**
 * Cells [i0, i1) of row r one at a time with limited fluxes (`west`: the limited flux of cell i0's
 * west face); updates bandHmax, returns the depth drained. The first cell and the tail of a row
 * (of an unlimited row too: its factors are all 1).
 */
function continuityScalar(r: i32, i0: i32, i1: i32, west: f64): f64 {
  const W1 = W + 1, base = r * W, ox = (r & 1) * W1, os = (r % 3) * W, on = ((r + 1) % 3) * W;
  const fb = (r % 3) * W1, fr = ((r + 1) % 3) * W1, fa = ((r + 2) % 3) * W1, ex = r * W1;
  const c = dtS * invDx;
  let drained: f64 = 0, hm = bandHmax;
  for (let i = i0; i < i1; i++) {
    const re = f64At(pRqx, ox + i + 1), rs = f64At(pRqy, os + i), rn = f64At(pRqy, on + i), k = base + i;
    const east = re * (re > 0 ? f64At(pF, fr + i) : f64At(pF, fr + i + 1));
    const south = rs * (rs > 0 ? f64At(pF, fb + i) : f64At(pF, fr + i));
    const north = rn * (rn > 0 ? f64At(pF, fr + i) : f64At(pF, fa + i));
    drained += settleCell(k, f64At(pH, k) + c * (west - east + south - north), rainM, drainM);
    const dn = f64At(pHn, k);
    if (dn > hm) hm = dn;
    setF32(pQxN, ex + i + 1, east);
    setF32(pQyN, base + i, south);
    west = east;
  }
  bandHmax = hm;
  return drained;
}

/** Row r with each edge flux scaled by its upstream cell's factor. Returns drained depth (m). */
function continuityLimited(r: i32): f64 {
  const W1 = W + 1, base = r * W, ox = (r & 1) * W1, os = (r % 3) * W, on = ((r + 1) % 3) * W;
  const fb = (r % 3) * W1, fr = ((r + 1) % 3) * W1, fa = ((r + 2) % 3) * W1, ex = r * W1;
  const cV = splat(dtS * invDx), rainV = splat(rainM), capV = splat(drainM), capOn = drainM > 0 ? i64x2.splat(-1) : splat(0);
  // The west side's raw flux only ever points out of cell 0, so its upstream factor is cell 0's.
  const q0 = f64At(pRqx, ox);
  const west0: f64 = q0 < 0 ? q0 * f64At(pF, fr) : 0;
  setF32(pQxN, ex, west0);
  let drained = continuityScalar(r, 0, min(1, W), west0);
  let drainedV = splat(0), hm = bandHmax;
  let i = 1;
  for (; i + 1 < W; i += 2) {
    const k = base + i;
    const west = limited2(ld2(pRqx, ox + i), ld2(pF, fr + i - 1), ld2(pF, fr + i));
    const east = limited2(ld2(pRqx, ox + i + 1), ld2(pF, fr + i), ld2(pF, fr + i + 1));
    const south = limited2(ld2(pRqy, os + i), ld2(pF, fb + i), ld2(pF, fr + i));
    const north = limited2(ld2(pRqy, on + i), ld2(pF, fr + i), ld2(pF, fa + i));
    const d = f64x2.add(ld2(pH, k), f64x2.mul(cV, f64x2.sub(f64x2.add(f64x2.sub(west, east), south), north)));
    drainedV = f64x2.add(drainedV, settleCells2(k, d, rainV, capV, capOn));
    hm = hmax2(k, hm);
    st2f32(pQxN, ex + i + 1, east);
    st2f32(pQyN, base + i, south);
  }
  bandHmax = hm;
  drained += f64x2.extract_lane(drainedV, 0) + f64x2.extract_lane(drainedV, 1);
  if (i < W) {
    const rw = f64At(pRqx, ox + i);
    drained += continuityScalar(r, i, W, rw * (rw > 0 ? f64At(pF, fr + i - 1) : f64At(pF, fr + i)));
  }
  return drained;
}

/** Writes the north side's limited outflows (top row only) and returns their sum (m²/s). */
function closeNorthEdge(on: i32, fr: i32): f64 {
  let sum: f64 = 0;
  for (let i = 0; i < W; i++) {
    const q = f64At(pRqy, on + i);
    const v = q > 0 ? q * f64At(pF, fr + i) : 0;
    setF32(pQyN, H * W + i, v);
    sum += v;
  }
  return sum;
}

/** Adds the inflow sources of row r (after continuity, so the limiter never counts on them). */
function addSources(r: i32): void {
  const s0 = i32At(pSrcRowStart, r), s1 = i32At(pSrcRowStart, r + 1);
  if (s0 == s1) return;
  let hm = bandHmax, vin: f64 = 0;
  for (let s = s0; s < s1; s++) {
    const v = f64At(pInflowRate, i32At(pSrcInflow, s)) * f64At(pSrcShare, s) * dtS, k = i32At(pSrcCell, s);
    const d = f64At(pHn, k) + v / areaM2;
    setF64(pHn, k, d);
    if (d > f32At(pMaxD, k)) setF32(pMaxD, k, d);
    if (d > hm) hm = d;
    vin += v;
  }
  setF64(pRowVol, ROW_INFLOW * H + r, f64At(pRowVol, ROW_INFLOW * H + r) + vin);
  bandHmax = hm;
}

/** Continuity, rain, drainage and inflows of row r; tallies its volumes. */
function update(r: i32): void {
  const W1 = W + 1, os = (r % 3) * W, on = ((r + 1) % 3) * W, fr = ((r + 1) % 3) * W1, ox = (r & 1) * W1;
  const unlimited = i32At(pLim, r % 3) == 0 && i32At(pLim, (r + 1) % 3) == 0 && i32At(pLim, (r + 2) % 3) == 0;
  const drained = unlimited ? continuityRaw(r) : continuityLimited(r);
  // Side outflows: raw side fluxes only ever point out, so their upstream is the row's own cell.
  const qe = f64At(pRqx, ox + W), qw = f64At(pRqx, ox);
  let out: f64 = (qe > 0 ? qe * f64At(pF, fr + W - 1) : 0) - (qw < 0 ? qw * f64At(pF, fr) : 0);
  if (r == 0) for (let i = 0; i < W; i++) { const q = f64At(pRqy, os + i); out -= q < 0 ? q * f64At(pF, fr + i) : 0; }
  if (r == H - 1) out += closeNorthEdge(on, fr);
  setF64(pRowVol, ROW_OUTFLOW * H + r, f64At(pRowVol, ROW_OUTFLOW * H + r) + (out * dtS) / invDx);
  setF64(pRowVol, ROW_RAIN * H + r, f64At(pRowVol, ROW_RAIN * H + r) + rainM * f64At(pRowOpen, r) * areaM2);
  setF64(pRowVol, ROW_DRAIN * H + r, f64At(pRowVol, ROW_DRAIN * H + r) + drained * areaM2);
  addSources(r);
}

/**
 * Advances the band one step reading state `parity` and writing 1 - parity; returns the band's new
 * hmax (m). Halo rows of neighbouring bands are recomputed from the previous state, so any band
 * split gives the same bits.
 */
export function step(parity: i32, dt: f64, gravity: f64, manningN: f64, rainDepthM: f64, drainDepthM: f64): f64 {
  pH = parity == 0 ? pH0 : pH1; pHn = parity == 0 ? pH1 : pH0;
  pQx = parity == 0 ? pQx0 : pQx1; pQxN = parity == 0 ? pQx1 : pQx0;
  pQy = parity == 0 ? pQy0 : pQy1; pQyN = parity == 0 ? pQy1 : pQy0;
  dtS = dt; gdt = gravity * dt; gdtn2 = gdt * manningN * manningN; gInvDx = gdt * invDx;
  rainM = rainDepthM; drainM = drainDepthM;
  bandHmax = 0;
  const rs = max(J0 - 1, 0);
  if (rs > 0) cubeRootRow(rs - 1);
  cubeRootRow(rs);
  rawQyEdge(rs, (rs % 3) * W);
  if (rs == J0) setUnlimited(-1);
  prepare(rs);
  if (rs < J0) prepare(J0);
  for (let r = J0; r < J1; r++) {
    if (r + 1 < H) prepare(r + 1);
    else setUnlimited(r + 1);
    update(r);
  }
  return bandHmax;
}
