import { binomial } from './binomial';
import type { DailyPolicy } from './DailyPolicy';
import type { MobilityMatrix } from './MobilityMatrix';
import { SeededRandom } from './SeededRandom';
import type { SeirParams } from './SeirParams';

/**
 * SEIR in a metapopulation of cells coupled by where people spend their time (Sattenspiel-Dietz
 * style mixing): residents of i spend fraction w_ij of their time in cell j, where the people
 * present are N*_j = sum_i w_ij N_i, of whom I*_j = sum_i w_ij I_i are infectious; the force of
 * infection on residents of i is lambda_i = sum_j w_ij beta c_j I*_j / N*_j (c_j: contact factor).
 * Deterministic mode integrates the ODEs with classical RK4 sub-steps; stochastic mode takes
 * chain-binomial sub-steps (S->E, E->I, I->R as seeded binomial draws), so counts stay integers.
 * Scratch arrays are allocated once: a day allocates nothing.
 */
export class SeirModel {
  readonly S: Float64Array;
  readonly E: Float64Array;
  readonly I: Float64Array;
  readonly R: Float64Array;
  private readonly n: number;
  private readonly sigma: number;
  private readonly gamma: number;
  private readonly nStar: Float64Array;
  private readonly iStar: Float64Array;
  private readonly lambda: Float64Array;
  private readonly rng: SeededRandom;
  /** RK4 stage derivatives (dS, dE, dI per stage) and the trial state. */
  private readonly k: Float64Array[];
  private readonly trial: Float64Array[];
  private policy: DailyPolicy | null = null;

  constructor(population: Float64Array, private readonly mobility: MobilityMatrix, private readonly params: SeirParams) {
    const n = (this.n = population.length);
    if (mobility.count !== n) throw new Error(`SeirModel: mobility has ${mobility.count} cells, population ${n}`);
    this.S = Float64Array.from(population);
    this.E = new Float64Array(n); this.I = new Float64Array(n); this.R = new Float64Array(n);
    this.sigma = 1 / params.latentPeriodDays;
    this.gamma = 1 / params.infectiousPeriodDays;
    this.nStar = new Float64Array(n); this.iStar = new Float64Array(n); this.lambda = new Float64Array(n);
    this.rng = new SeededRandom(params.seed);
    this.k = Array.from({ length: 12 }, () => new Float64Array(n));
    this.trial = Array.from({ length: 3 }, () => new Float64Array(n));
    params.initialInfectious.forEach(({ cell, count }, q) => {
      if (params.mode === 'stochastic' && !Number.isInteger(count)) throw new Error(`SeirParams: initialInfectious[${q}].count must be an integer in stochastic mode, got ${count}`);
      if (count > this.S[cell]) throw new Error(`SeirParams: initialInfectious[${q}].count ${count} exceeds the ${this.S[cell]} people of cell ${cell}`);
      this.S[cell] -= count;
      this.I[cell] += count;
    });
  }

  /** Advances one day under `policy` (already applied for that day). */
  stepDay(policy: DailyPolicy): void {
    this.policy = policy;
    const { rowOffsets, dest } = this.mobility, w = policy.weight, nStar = this.nStar;
    nStar.fill(0);
    for (let i = 0; i < this.n; i++) {
      const Ni = this.S[i] + this.E[i] + this.I[i] + this.R[i];
      for (let e = rowOffsets[i]; e < rowOffsets[i + 1]; e++) nStar[dest[e]] += w[e] * Ni;
    }
    const dt = 1 / this.params.stepsPerDay;
    for (let s = 0; s < this.params.stepsPerDay; s++) {
      if (this.params.mode === 'deterministic') this.rk4(dt); else this.chainBinomial(dt);
    }
  }

  /** lambda_i (1/day) for the infectious counts `inf`. */
  private forceOfInfection(inf: Float64Array): void {
    const { rowOffsets, dest } = this.mobility, w = this.policy!.weight, c = this.policy!.contactFactor;
    const iStar = this.iStar, nStar = this.nStar, lam = this.lambda, beta = this.params.betaPerDay;
    iStar.fill(0);
    for (let i = 0; i < this.n; i++) {
      const Ii = inf[i];
      if (Ii !== 0) for (let e = rowOffsets[i]; e < rowOffsets[i + 1]; e++) iStar[dest[e]] += w[e] * Ii;
    }
    for (let j = 0; j < this.n; j++) iStar[j] = nStar[j] > 0 ? (beta * c[j] * iStar[j]) / nStar[j] : 0;
    for (let i = 0; i < this.n; i++) {
      let l = 0;
      for (let e = rowOffsets[i]; e < rowOffsets[i + 1]; e++) l += w[e] * iStar[dest[e]];
      lam[i] = l;
    }
  }

  /** Derivatives at (s, e, i) into stage q's arrays (dR = -(dS + dE + dI) is implied). */
  private derivatives(s: Float64Array, e: Float64Array, inf: Float64Array, q: number): void {
    this.forceOfInfection(inf);
    const dS = this.k[3 * q], dE = this.k[3 * q + 1], dI = this.k[3 * q + 2], lam = this.lambda;
    for (let x = 0; x < this.n; x++) {
      const infection = lam[x] * s[x], onset = this.sigma * e[x];
      dS[x] = -infection;
      dE[x] = infection - onset;
      dI[x] = onset - this.gamma * inf[x];
    }
  }

  private rk4(dt: number): void {
    const { S, E, I, R, k, trial } = this;
    this.derivatives(S, E, I, 0);
    for (let q = 1; q < 4; q++) {
      const h = q === 3 ? dt : dt / 2;
      for (let x = 0; x < this.n; x++) {
        trial[0][x] = S[x] + h * k[3 * q - 3][x];
        trial[1][x] = E[x] + h * k[3 * q - 2][x];
        trial[2][x] = I[x] + h * k[3 * q - 1][x];
      }
      this.derivatives(trial[0], trial[1], trial[2], q);
    }
    const w = dt / 6;
    for (let x = 0; x < this.n; x++) {
      const dS = w * (k[0][x] + 2 * k[3][x] + 2 * k[6][x] + k[9][x]);
      const dE = w * (k[1][x] + 2 * k[4][x] + 2 * k[7][x] + k[10][x]);
      const dI = w * (k[2][x] + 2 * k[5][x] + 2 * k[8][x] + k[11][x]);
      S[x] += dS; E[x] += dE; I[x] += dI; R[x] -= dS + dE + dI;
    }
  }

  private chainBinomial(dt: number): void {
    const { S, E, I, R, rng } = this;
    this.forceOfInfection(I);
    const pOnset = 1 - Math.exp(-this.sigma * dt), pRecover = 1 - Math.exp(-this.gamma * dt);
    for (let x = 0; x < this.n; x++) {
      const infected = binomial(rng, S[x], 1 - Math.exp(-this.lambda[x] * dt));
      const onset = binomial(rng, E[x], pOnset), recovered = binomial(rng, I[x], pRecover);
      S[x] -= infected; E[x] += infected - onset; I[x] += onset - recovered; R[x] += recovered;
    }
  }
}
