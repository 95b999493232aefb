/**
 * Raw (unlimited) local-inertial edge fluxes, one row of edges at a time: Bates, Horritt & Fewtrell
 * (2010) with the semi-implicit Manning term, and the optional de Almeida et al. (2012) theta
 * weighting of the previous flux with its two neighbours along the flow direction:
 *
 *   q' = (qa - g hf dt (etaR - etaL) / dx) / (1 + g dt n² |q| / hf^(7/3)),  |q'| <= Fr g^(1/2) hf^(3/2)
 *
 * hf, the flow depth at the edge, is max(etaL, etaR) - max(zL, zR); no flux below hMin. When the cell
 * with the higher surface also has the higher bed (most edges), hf is that cell's depth and its cube
 * root comes from a per-row cache (the cube root is the costliest operation here). The Froude cap
 * keeps fast shallow flow from outrunning the time step, which only sees sqrt(g hmax). Walls have a
 * bed far above any water, so hf < 0 next to them and they block flow for free. Open sides drain
 * water out (see sideOutflow) and never let it in.
 */

/** Everything a row of edges needs: the kernel's current views and per-step constants. */
export interface EdgeFluxContext {
  width: number;
  height: number;
  zM: Float32Array;
  /** Depth of the state being read (m). */
  h: Float64Array;
  /** Previous fluxes (m²/s). */
  qx: Float32Array;
  qy: Float32Array;
  /** Ring of 3 rows of cbrt(depth) (slot = row % 3), filled by cubeRootRow. */
  cb: Float64Array;
  /** g * dt (m/s), g * dt * n², 1 / dx; set per step. */
  gdt: number;
  gdtn2: number;
  invDx: number;
  theta: number;
  hMinM: number;
  /** froudeMax * sqrt(g): |q| is capped at this * hf^(3/2) (Infinity: no cap). */
  frCap: number;
  westOpen: boolean;
  eastOpen: boolean;
  southOpen: boolean;
  northOpen: boolean;
}

/**
 * Cube root rounded to Float32: V8's Math.cbrt is not correctly rounded and its last bit changed
 * between versions (node 20 and Chromium disagree on cbrt(2.5)); rounding to 24 bits makes node and
 * browsers agree except in the rare case a root sits within a Float64 ulp of a Float32 rounding
 * boundary, at a 6e-8 relative cost in the friction term.
 */
export function cbrt32(x: number): number {
  return Math.fround(Math.cbrt(x));
}

/** Caches cbrt(depth) of row r's wet cells in ring slot r % 3. */
export function cubeRootRow(c: EdgeFluxContext, r: number): void {
  const W = c.width, h = c.h, cb = c.cb, base = r * W, off = (r % 3) * W, hMin = c.hMinM;
  for (let i = 0; i < W; i++) {
    const d = h[base + i];
    cb[off + i] = d > hMin ? cbrt32(d) : 0;
  }
}

/** Local-inertial update of one edge (positive q flows from L to R), friction from q0. */
function inertial(c: EdgeFluxContext, qa: number, q0: number, hf: number, dEta: number): number {
  const hf73 = hf * hf * cbrt32(hf);
  const q = ((qa - c.gdt * hf * dEta * c.invDx) * hf73) / (hf73 + c.gdtn2 * Math.abs(q0));
  const cap = c.frCap * hf * Math.sqrt(hf);
  return q > cap ? cap : q < -cap ? -cap : q;
}

/**
 * Free outflow through a side: the outward drop per cell is the larger of the surface's and the
 * bed's drop between the inner cell kIn and the side cell k (so a surface that piles up against the
 * side still drains at the bed slope, as LISFLOOD-FP's FREE boundary does), never an inflow.
 */
function sideOutflow(c: EdgeFluxContext, k: number, kIn: number, q0: number, sign: number): number {
  const h = c.h[k];
  if (h <= c.hMinM) return 0;
  const z = c.zM, zk = z[k], zIn = z[kIn];
  if (zIn >= 1e5) return 0; // a wall right inside: no slope to drain along
  const drop = Math.max(zIn + c.h[kIn] - (zk + h), zIn - zk);
  if (!(drop > 0)) return 0;
  // Ghost cell beyond the side `drop` below this one: an edge flux as any other, pointing out.
  const q = sign * inertial(c, sign * q0, q0, h, -drop);
  return sign * q > 0 ? q : 0;
}

/**
 * de Almeida's weighted previous flux: theta * q0 + (1 - theta) / 2 * (qBefore + qAfter), where a
 * neighbour edge that carried nothing (a wall, a closed side, a dry edge) stands in with q0 itself,
 * so blocked edges do not drag the flow towards zero (which piles water up against every wall and
 * at an inflow beside a closed side).
 */
export function thetaWeighted(theta: number, q0: number, qBefore: number, qAfter: number): number {
  return theta * q0 + 0.5 * (1 - theta) * ((qBefore !== 0 ? qBefore : q0) + (qAfter !== 0 ? qAfter : q0));
}

/** Raw x fluxes of row r, edges 0..width, into out[off ..]. Needs cubeRootRow(r). */
export function rawQxRow(c: EdgeFluxContext, r: number, out: Float64Array, off: number): void {
  const W = c.width, base = r * W, eb = r * (W + 1), cbo = (r % 3) * W - base;
  const z = c.zM, h = c.h, q = c.qx, cb = c.cb, hMin = c.hMinM, th = c.theta;
  const gdt = c.gdt * c.invDx, gdtn2 = c.gdtn2, frCap = c.frCap;
  out[off] = c.westOpen && W > 1 ? sideOutflow(c, base, base + 1, q[eb], -1) : 0;
  // The right cell of edge i is the left cell of edge i + 1: carried over, not reloaded.
  let zL = z[base], hL = h[base], etaL = zL + hL, cbL = cb[cbo + base];
  for (let i = 1; i < W; i++) {
    const kR = base + i;
    const zR = z[kR], hR = h[kR], etaR = zR + hR, cbR = cb[cbo + kR];
    let hf: number, cbh: number;
    if (etaL > etaR) { if (zL >= zR) { hf = hL; cbh = cbL; } else { hf = etaL - zR; cbh = -1; } }
    else if (zR >= zL) { hf = hR; cbh = cbR; } else { hf = etaR - zL; cbh = -1; }
    let qn = 0;
    if (hf > hMin) {
      const q0 = q[eb + i];
      const qa = th === 1 ? q0 : thetaWeighted(th, q0, q[eb + i - 1], q[eb + i + 1]);
      const hf73 = hf * hf * (cbh < 0 ? cbrt32(hf) : cbh);
      qn = ((qa - gdt * hf * (etaR - etaL)) * hf73) / (hf73 + gdtn2 * Math.abs(q0));
      const cap = frCap * hf * Math.sqrt(hf);
      if (qn > cap) qn = cap; else if (qn < -cap) qn = -cap;
    }
    out[off + i] = qn;
    zL = zR; hL = hR; etaL = etaR; cbL = cbR;
  }
  out[off + W] = c.eastOpen && W > 1 ? sideOutflow(c, base + W - 1, base + W - 2, q[eb + W], 1) : 0;
}

/** Raw fluxes of a side edge row (e = 0 south, e = height north) into out[off ..]. */
function sideQyEdge(c: EdgeFluxContext, e: number, out: Float64Array, off: number): void {
  const W = c.width, H = c.height, q = c.qy;
  const open = (e === 0 ? c.southOpen : c.northOpen) && H > 1;
  const row = e === 0 ? 0 : H - 1, inner = e === 0 ? 1 : H - 2, sign = e === 0 ? -1 : 1;
  for (let i = 0; i < W; i++) out[off + i] = open ? sideOutflow(c, row * W + i, inner * W + i, q[e * W + i], sign) : 0;
}

/** Raw y fluxes of edge row e (between rows e - 1 and e) into out[off ..]. Needs cubeRootRow(e - 1) and (e). */
export function rawQyEdge(c: EdgeFluxContext, e: number, out: Float64Array, off: number): void {
  if (e === 0 || e === c.height) { sideQyEdge(c, e, out, off); return; }
  const W = c.width, eb = e * W, sBase = (e - 1) * W;
  const cbS = ((e - 1) % 3) * W - sBase, cbN = (e % 3) * W - sBase - W;
  const z = c.zM, h = c.h, q = c.qy, cb = c.cb, hMin = c.hMinM, th = c.theta;
  const gdt = c.gdt * c.invDx, gdtn2 = c.gdtn2, frCap = c.frCap;
  for (let i = 0; i < W; i++) {
    const kS = sBase + i, kN = kS + W;
    const zS = z[kS], zN = z[kN], hS = h[kS], hN = h[kN];
    const etaS = zS + hS, etaN = zN + hN;
    let hf: number, cbh: number;
    if (etaS > etaN) { if (zS >= zN) { hf = hS; cbh = cb[cbS + kS]; } else { hf = etaS - zN; cbh = -1; } }
    else if (zN >= zS) { hf = hN; cbh = cb[cbN + kN]; } else { hf = etaN - zS; cbh = -1; }
    let qn = 0;
    if (hf > hMin) {
      const q0 = q[eb + i];
      const qa = th === 1 ? q0 : thetaWeighted(th, q0, q[eb + i - W], q[eb + i + W]);
      const hf73 = hf * hf * (cbh < 0 ? cbrt32(hf) : cbh);
      qn = ((qa - gdt * hf * (etaN - etaS)) * hf73) / (hf73 + gdtn2 * Math.abs(q0));
      const cap = frCap * hf * Math.sqrt(hf);
      if (qn > cap) qn = cap; else if (qn < -cap) qn = -cap;
    }
    out[off + i] = qn;
  }
}
