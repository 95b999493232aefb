/** Closes communities from a day: residents stay in their cell, nobody commutes in, contacts drop. */
export interface CloseCommunities {
  kind: 'closeCommunities';
  communityIds: string[];
  /** First day (inclusive) and day after the last (exclusive; omitted: to the end). */
  fromDay: number;
  toDay?: number;
  /** Factor on the contact rate inside the closed cells, in [0, 1]. Default 0.3. */
  contactFactor?: number;
}

/** Masks, distancing: a factor on the contact rate, everywhere or in some communities. */
export interface ReduceContacts {
  kind: 'reduceContacts';
  /** Factor on the contact rate, in [0, 1] (0.7: contacts cut by 30 %). */
  factor: number;
  fromDay: number;
  toDay?: number;
  /** Communities concerned; omitted: all. */
  communityIds?: string[];
}

export type EpidemicIntervention = CloseCommunities | ReduceContacts;

/** Disease and run settings of an SEIR run; plain data. */
export interface SeirParams {
  /** Transmission rate (1/day): new exposures per infectious person per day in a fully susceptible crowd. R0 = beta * infectiousPeriodDays. */
  betaPerDay: number;
  /** Mean latent period E -> I (days). */
  latentPeriodDays: number;
  /** Mean infectious period I -> R (days). */
  infectiousPeriodDays: number;
  /** Days simulated. */
  days: number;
  /** Integration sub-steps per day (RK4 in deterministic mode, chain-binomial steps in stochastic mode). */
  stepsPerDay: number;
  mode: 'deterministic' | 'stochastic';
  /** Seed of the binomial draws (stochastic mode). */
  seed: number;
  /** Initially infectious people per cell index. */
  initialInfectious: Array<{ cell: number; count: number }>;
  interventions: EpidemicIntervention[];
}

export const DEFAULT_SEIR_PARAMS: SeirParams = {
  betaPerDay: 0.5, latentPeriodDays: 3, infectiousPeriodDays: 5, days: 180, stepsPerDay: 4,
  mode: 'deterministic', seed: 1, initialInfectious: [], interventions: [],
};

/** Fills defaults and checks every field; throws naming the field and the expected value. */
export function seirParams(partial: Partial<SeirParams>, cellCount: number): SeirParams {
  const p: SeirParams = { ...DEFAULT_SEIR_PARAMS, ...partial };
  const check = (ok: boolean, field: string, expected: string, got: unknown) => {
    if (!ok) throw new Error(`SeirParams: ${field} must be ${expected}, got ${JSON.stringify(got)}`);
  };
  check(Number.isFinite(p.betaPerDay) && p.betaPerDay >= 0, 'betaPerDay', 'a finite number >= 0 per day', p.betaPerDay);
  check(p.latentPeriodDays > 0 && Number.isFinite(p.latentPeriodDays), 'latentPeriodDays', 'a finite number > 0 days', p.latentPeriodDays);
  check(p.infectiousPeriodDays > 0 && Number.isFinite(p.infectiousPeriodDays), 'infectiousPeriodDays', 'a finite number > 0 days', p.infectiousPeriodDays);
  check(Number.isInteger(p.days) && p.days >= 1 && p.days <= 3650, 'days', 'an integer in [1, 3650]', p.days);
  check(Number.isInteger(p.stepsPerDay) && p.stepsPerDay >= 1 && p.stepsPerDay <= 1000, 'stepsPerDay', 'an integer in [1, 1000]', p.stepsPerDay);
  check(p.mode === 'deterministic' || p.mode === 'stochastic', 'mode', '"deterministic" or "stochastic"', p.mode);
  check(Number.isFinite(p.seed), 'seed', 'a finite number', p.seed);
  p.initialInfectious.forEach((s, k) => {
    check(Number.isInteger(s?.cell) && s.cell >= 0 && s.cell < cellCount, `initialInfectious[${k}].cell`, `an integer cell index in [0, ${cellCount})`, s?.cell);
    check(Number.isFinite(s.count) && s.count >= 0, `initialInfectious[${k}].count`, 'a finite number >= 0', s.count);
  });
  p.interventions.forEach((iv, k) => checkIntervention(iv, `interventions[${k}]`, check));
  return p;
}

function checkIntervention(iv: EpidemicIntervention, at: string, check: (ok: boolean, f: string, e: string, g: unknown) => void): void {
  check(iv?.kind === 'closeCommunities' || iv?.kind === 'reduceContacts', `${at}.kind`, '"closeCommunities" or "reduceContacts"', iv?.kind);
  check(Number.isFinite(iv.fromDay) && iv.fromDay >= 0, `${at}.fromDay`, 'a number >= 0', iv.fromDay);
  check(iv.toDay === undefined || iv.toDay > iv.fromDay, `${at}.toDay`, 'omitted or > fromDay', iv.toDay);
  if (iv.kind === 'closeCommunities') {
    check(Array.isArray(iv.communityIds) && iv.communityIds.length > 0, `${at}.communityIds`, 'a non-empty array of community ids', iv.communityIds);
    const f = iv.contactFactor ?? 0.3;
    check(f >= 0 && f <= 1, `${at}.contactFactor`, 'in [0, 1]', iv.contactFactor);
  } else {
    check(iv.factor >= 0 && iv.factor <= 1, `${at}.factor`, 'in [0, 1]', iv.factor);
    check(iv.communityIds === undefined || Array.isArray(iv.communityIds), `${at}.communityIds`, 'omitted or an array of community ids', iv.communityIds);
  }
}
