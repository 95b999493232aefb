/** Which run module computes a KPI (a scenario reports it only when that module runs). */
export type KpiModule = 'flood' | 'dispatch' | 'traffic' | 'plume' | 'evacuation' | 'epidemic' | 'sensors' | 'planning';

/** One reportable figure: label, unit and which direction is better (for the compare table). */
export interface KpiSpec {
  readonly module: KpiModule;
  readonly label: string;
  /** Unit for display ('' for counts). */
  readonly unit: string;
  readonly better: 'lower' | 'higher';
}

/**
 * Every KPI a scenario may list under `kpis`. The ids feed the schema's enum, so a scenario naming an
 * unknown KPI fails validation; times are seconds, areas m², depths m, concentrations mg/m³.
 */
export const KPI_CATALOG = {
  floodedAreaM2: { module: 'flood', label: 'Flooded area (peak depth > threshold)', unit: 'm²', better: 'lower' },
  maxDepthM: { module: 'flood', label: 'Deepest water', unit: 'm', better: 'lower' },
  buildingsFlooded: { module: 'flood', label: 'Buildings flooded', unit: '', better: 'lower' },
  peopleAffected: { module: 'flood', label: 'People in flooded buildings', unit: '', better: 'lower' },
  roadsCut: { module: 'flood', label: 'Roads with an impassable stretch', unit: '', better: 'lower' },
  impassableRoadPoints: { module: 'flood', label: 'Impassable road samples', unit: '', better: 'lower' },
  storedWaterM3: { module: 'flood', label: 'Water left on the ground at the end', unit: 'm³', better: 'lower' },
  drainedM3: { module: 'flood', label: 'Water drained', unit: 'm³', better: 'higher' },
  firstArrivalS: { module: 'dispatch', label: 'First unit on scene (worst incident)', unit: 's', better: 'lower' },
  fullResponseS: { module: 'dispatch', label: 'All required units on scene (worst incident)', unit: 's', better: 'lower' },
  meanUnitEtaS: { module: 'dispatch', label: 'Mean ETA of assigned units', unit: 's', better: 'lower' },
  unmetUnits: { module: 'dispatch', label: 'Required units not available', unit: '', better: 'lower' },
  meanTripS: { module: 'traffic', label: 'Mean probe-trip time', unit: 's', better: 'lower' },
  maxTripS: { module: 'traffic', label: 'Longest probe-trip time', unit: 's', better: 'lower' },
  meanDelayPct: { module: 'traffic', label: 'Mean delay against free flow', unit: '%', better: 'lower' },
  tripsDelayed: { module: 'traffic', label: 'Probe trips delayed by more than 10 %', unit: '', better: 'lower' },
  unreachableTrips: { module: 'traffic', label: 'Probe trips with no route', unit: '', better: 'lower' },
  emergencyAccessS: { module: 'traffic', label: 'Ambulance ETA to the venue', unit: 's', better: 'lower' },
  zoneAreaM2: { module: 'plume', label: 'Evacuation zone area', unit: 'm²', better: 'lower' },
  zoneBuildings: { module: 'plume', label: 'Buildings in the zone', unit: '', better: 'lower' },
  zonePopulation: { module: 'plume', label: 'People in the zone', unit: '', better: 'lower' },
  peakConcentrationMgPerM3: { module: 'plume', label: 'Peak concentration', unit: 'mg/m³', better: 'lower' },
  evacuees: { module: 'evacuation', label: 'People to evacuate', unit: '', better: 'lower' },
  evacuated50S: { module: 'evacuation', label: 'Time until 50 % are safe', unit: 's', better: 'lower' },
  evacuated90S: { module: 'evacuation', label: 'Time until 90 % are safe', unit: 's', better: 'lower' },
  evacuationClearS: { module: 'evacuation', label: 'Time until every sheltered evacuee is safe', unit: 's', better: 'lower' },
  unsheltered: { module: 'evacuation', label: 'Evacuees without a shelter place', unit: '', better: 'lower' },
  meanWalkS: { module: 'evacuation', label: 'Mean walk to the shelter', unit: 's', better: 'lower' },
  peakInfectious: { module: 'epidemic', label: 'Peak infectious people', unit: '', better: 'lower' },
  peakDay: { module: 'epidemic', label: 'Day of the peak', unit: 'day', better: 'higher' },
  totalInfected: { module: 'epidemic', label: 'People infected by the end', unit: '', better: 'lower' },
  attackRatePct: { module: 'epidemic', label: 'Attack rate', unit: '%', better: 'lower' },
  communitiesReached: { module: 'epidemic', label: 'Communities with more than 10 infections', unit: '', better: 'lower' },
  sensorAlertsRaised: { module: 'sensors', label: 'Early-warning alerts raised', unit: '', better: 'lower' },
  sitePeople: { module: 'planning', label: 'People the site\'s buildings hold', unit: '', better: 'higher' },
  siteFloorAreaM2: { module: 'planning', label: 'Floor area on the site', unit: 'm²', better: 'higher' },
  sunlightFloorsBelow: { module: 'planning', label: 'Neighbouring residential floors below the sunlight standard', unit: '', better: 'lower' },
  sunlightMinutesLost: { module: 'planning', label: 'Sun lost by neighbouring residential floors (sum of each floor\'s best window)', unit: 'min', better: 'lower' },
  floorsLosingSunlightStandard: { module: 'planning', label: 'Neighbouring residential floors that no longer meet the sunlight standard', unit: '', better: 'lower' },
  skylineMaxRiseDeg: { module: 'planning', label: 'Largest rise of the skyline from the viewpoints', unit: 'deg', better: 'lower' },
  viewCorridorsBlocked: { module: 'planning', label: 'View corridors (viewpoint to target) blocked', unit: '', better: 'lower' },
} as const satisfies Record<string, KpiSpec>;

export type KpiId = keyof typeof KPI_CATALOG;

/** The KPI ids, in catalogue order (the schema's enum). */
export const KPI_IDS = Object.keys(KPI_CATALOG) as KpiId[];

/** The spec of a KPI id (throws on an unknown id: a caller mistake, since files are validated). */
export function kpiSpec(id: string): KpiSpec {
  const s = (KPI_CATALOG as Record<string, KpiSpec>)[id];
  if (!s) throw new Error(`kpiSpec: unknown KPI "${id}"; expected one of ${KPI_IDS.join(', ')}`);
  return s;
}
