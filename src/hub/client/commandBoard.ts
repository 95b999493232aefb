import { SEVERITIES, type Severity } from '../../signs/rules/SignsRule';
import { SENSOR_KIND_SPECS, type SensorKind } from '../../signs/schema/sensorKinds';
import type { HubAlert } from '../state/HubAlert';
import type { ReplayState } from './HubReplay';
import type { HubState } from './HubState';

/** The vital signs a command wall shows, by domain, in this order. */
export const WALL_DOMAINS: ReadonlyArray<{ domain: string; kind: SensorKind }> = [
  { domain: 'Water', kind: 'water_level' }, { domain: 'Rain', kind: 'rainfall' }, { domain: 'Traffic', kind: 'traffic_speed' },
  { domain: 'Air', kind: 'air_quality' }, { domain: 'Power', kind: 'power_load' }, { domain: 'Crowd', kind: 'crowd_density' },
  { domain: '12345', kind: 'hotline_12345' }, { domain: 'Fire', kind: 'fire_alarm' },
];

/** One vital sign of the city tier, as the hub publishes it. */
export interface VitalSign {
  domain: string;
  kind: SensorKind;
  title: string;
  unitLabel: string;
  /** The city-tier indicator (kind's aggregation over fresh sensors), null when no fresh sensor reports. */
  value: number | null;
  /** Sensors behind the value (fresh) and those gone quiet (stale); null in a replay (snapshots keep values only). */
  fresh: number | null;
  stale: number | null;
  /** The worst open alert of this kind: the sign's state colour; null when none is open. */
  severity: Severity | null;
  openAlerts: number;
  /** The city unit the value is of (for its stored history), null before the first indicator message. */
  cityUnitId: string | null;
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

type CityValue = Pick<VitalSign, 'value' | 'fresh' | 'stale'>;

function signsOf(city: (kind: SensorKind) => CityValue, open: readonly HubAlert[], cityUnitId: string | null): VitalSign[] {
  return WALL_DOMAINS.map(({ domain, kind }) => {
    const mine = open.filter((a) => a.kind === kind);
    const worst = mine.reduce<Severity | null>((w, a) => (w === null || rank(a.severity) > rank(w) ? a.severity : w), null);
    const spec = SENSOR_KIND_SPECS[kind];
    return { domain, kind, title: spec.title, unitLabel: spec.unitLabel, ...city(kind), severity: worst, openAlerts: mine.length, cityUnitId };
  });
}

/** The city's vital signs from the hub's state: values from the city tier, state from the open alerts. */
export function vitalSigns(state: HubState): VitalSign[] {
  const city = state.indicators.get('city');
  return signsOf((kind) => {
    const k = city ? city.kinds.indexOf(kind) : -1;
    return k >= 0 ? { value: city!.values[k][0] ?? null, fresh: city!.fresh[k][0] ?? 0, stale: city!.stale[k][0] ?? 0 } : { value: null, fresh: 0, stale: 0 };
  }, state.openAlerts(), city?.units[0] ?? null);
}

/** The city's vital signs at a replayed moment: values from the snapshot then, state from the alerts open then. */
export function replayVitalSigns(s: ReplayState): VitalSign[] {
  return signsOf((kind) => ({ value: s.city.get(kind) ?? null, fresh: null, stale: null }), s.alerts, null);
}

/** Open alerts counted by severity for each district (the tier that owns them) and for the whole city. */
export interface AlertCounts {
  districts: Array<{ districtId: string; counts: Record<Severity, number>; total: number }>;
  city: Record<Severity, number>;
  total: number;
  acknowledged: number;
}

const zero = (): Record<Severity, number> => ({ blue: 0, yellow: 0, orange: 0, red: 0 });

export function alertCounts(open: readonly HubAlert[], districtIds: readonly string[]): AlertCounts {
  const byDistrict = new Map(districtIds.map((d) => [d, { districtId: d, counts: zero(), total: 0 }]));
  const city = zero();
  let acknowledged = 0;
  for (const a of open) {
    city[a.severity]++;
    if (a.state === 'acknowledged') acknowledged++;
    let row = byDistrict.get(a.districtId);
    if (!row) byDistrict.set(a.districtId, (row = { districtId: a.districtId, counts: zero(), total: 0 }));
    row.counts[a.severity]++;
    row.total++;
  }
  return { districts: [...byDistrict.values()], city, total: open.length, acknowledged };
}

/** A line of the events ticker for an alert change ("14:02 red · Fire alarm at ... raised"). */
export function tickerLine(a: HubAlert, change: 'added' | 'updated', nowMs: number, timeZone?: string): { atMs: number; severity: Severity; text: string } {
  const atMs = a.state === 'resolved' ? a.resolvedAtMs ?? nowMs : a.state === 'acknowledged' ? a.acknowledgedAtMs ?? nowMs : a.raisedAtMs;
  const hhmm = new Date(atMs).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
  const what = a.state === 'raised' ? (change === 'added' ? 'raised' : 'updated') : a.state === 'acknowledged' ? `acknowledged${a.acknowledgedBy ? ` by ${a.acknowledgedBy}` : ''}` : 'resolved';
  return { atMs, severity: a.severity, text: `${hhmm} ${a.severity} · ${a.title} · ${a.label} ${what}` };
}
