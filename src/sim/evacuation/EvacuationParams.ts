/** How people move and are assigned; plain data, defaults in DEFAULT_EVACUATION_PARAMS. */
export interface EvacuationParams {
  /** 'walk': on foot along roads in both directions; 'drive': by car, obeying one-way rules. */
  mode: 'walk' | 'drive';
  /** Walking speed (m/s); 1.2 is a crowd's mean. */
  walkSpeedMps: number;
  /** Share of the road's free-flow speed cars keep when evacuating, in (0, 1]. */
  driveSpeedFactor: number;
  /** People per car. */
  vehicleOccupancy: number;
  /** Saturation flow of one lane (vehicles/h); ~1800 for urban streets. */
  laneCapacityVehPerH: number;
  /** Lanes per direction by road class name; unknown classes take `other`. */
  lanesByClass: Record<string, number>;
  /** Pedestrian specific flow (persons per m of width per s); ~1.3 at dense walking. */
  walkFlowPerMS: number;
  /** Usable walking width by road class name (m); unknown classes take `other`. */
  walkWidthMByClass: Record<string, number>;
  /** People leave their building spread evenly (with seeded jitter) over [0, departureSpreadS] (s). */
  departureSpreadS: number;
  /** People moved together as one packet through the queues. */
  packetPeople: number;
  /** 'greedy': cheapest (group, shelter) pairs first; 'minCost': least total travel time (min-cost flow). */
  assignment: 'greedy' | 'minCost';
  /** Nearest shelters (by travel time) each group may go to. */
  candidateShelters: number;
  /** Farthest a building or shelter may lie from a road (m). */
  maxSnapM: number;
  /** Seed of the departure jitter. */
  seed: number;
  /** Safe fractions whose times are reported, in (0, 1]. */
  reportFractions: number[];
  /** Spacing of the safe-fraction curve (s). */
  curveStepS: number;
}

export const DEFAULT_EVACUATION_PARAMS: EvacuationParams = {
  mode: 'walk', walkSpeedMps: 1.2, driveSpeedFactor: 0.7, vehicleOccupancy: 2.5, laneCapacityVehPerH: 1800,
  lanesByClass: { expressway: 4, primary: 3, secondary: 2, local: 1, other: 1 },
  walkFlowPerMS: 1.3,
  walkWidthMByClass: { expressway: 3, primary: 6, secondary: 5, local: 3, other: 2 },
  departureSpreadS: 900, packetPeople: 25, assignment: 'greedy', candidateShelters: 30, maxSnapM: 500, seed: 1,
  reportFractions: [0.5, 0.9, 0.95, 1], curveStepS: 60,
};

/** Fills defaults and checks every field; throws naming the field and the expected value. */
export function evacuationParams(partial: Partial<EvacuationParams> = {}): EvacuationParams {
  const p: EvacuationParams = { ...DEFAULT_EVACUATION_PARAMS, ...partial };
  const check = (ok: boolean, field: string, expected: string, got: unknown) => {
    if (!ok) throw new Error(`EvacuationParams: ${field} must be ${expected}, got ${JSON.stringify(got)}`);
  };
  const positive = (field: keyof EvacuationParams) => check(Number.isFinite(p[field]) && (p[field] as number) > 0, field, 'a finite number > 0', p[field]);
  check(p.mode === 'walk' || p.mode === 'drive', 'mode', '"walk" or "drive"', p.mode);
  (['walkSpeedMps', 'vehicleOccupancy', 'laneCapacityVehPerH', 'walkFlowPerMS', 'packetPeople', 'curveStepS', 'maxSnapM'] as const).forEach(positive);
  check(p.driveSpeedFactor > 0 && p.driveSpeedFactor <= 1, 'driveSpeedFactor', 'in (0, 1]', p.driveSpeedFactor);
  check(Number.isFinite(p.departureSpreadS) && p.departureSpreadS >= 0, 'departureSpreadS', 'a finite number >= 0 s', p.departureSpreadS);
  check(p.assignment === 'greedy' || p.assignment === 'minCost', 'assignment', '"greedy" or "minCost"', p.assignment);
  check(Number.isInteger(p.candidateShelters) && p.candidateShelters >= 1, 'candidateShelters', 'an integer >= 1', p.candidateShelters);
  check(Number.isFinite(p.seed), 'seed', 'a finite number', p.seed);
  check(Array.isArray(p.reportFractions) && p.reportFractions.every((f) => f > 0 && f <= 1), 'reportFractions', 'fractions in (0, 1]', p.reportFractions);
  for (const [field, table] of [['lanesByClass', p.lanesByClass], ['walkWidthMByClass', p.walkWidthMByClass]] as const) {
    check(typeof table === 'object' && table !== null && (table.other ?? 0) > 0, `${field}.other`, 'a number > 0 (the fallback)', table?.other);
    for (const [k, v] of Object.entries(table)) check(Number.isFinite(v) && v > 0, `${field}.${k}`, 'a finite number > 0', v);
  }
  return p;
}
