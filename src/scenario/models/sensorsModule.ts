import { defaultRules } from '../../signs/rules/defaultRules';
import { pointFeature, type Feature } from '../layers/GeoJson';
import type { ModuleContext, ModuleOutput, RunModule } from '../run/ModuleContext';
import type { EventOf } from '../schema/Scenario';

type Override = EventOf<'sensorOverride'>;

/** The override's value at t (s): the last reading at or before t, NaN before the first. */
function valueAt(o: Override, t: number): number {
  let v = NaN;
  for (const p of o.series) if (p.atS <= t) v = p.value;
  return v;
}

/**
 * Sensor overrides through the vital-signs early-warning rules (config/signs/rules.json, the
 * rules the live feed uses): each overridden sensor's readings are checked against its kind's
 * threshold and rate rules; an alert counts once per (sensor, rule) raised. Per frame the sensors
 * with their current value and the most severe rule violated.
 */
export const sensorsModule: RunModule = {
  name: 'sensors',
  async run(ctx: ModuleContext): Promise<ModuleOutput> {
    const overrides = ctx.scenario.events.filter((e): e is Override => e.kind === 'sensorOverride');
    const sensors = new Map(ctx.city.registry.sensors.map((x) => [x.id, x]));
    const rules = defaultRules().rules;
    const raised = new Set<string>(), firstAlertS: number[] = [];
    const violated = (o: Override, t: number) => {
      const sensor = sensors.get(o.sensorId)!, v = valueAt(o, t);
      return rules.filter((r) => r.kind === sensor.kind).filter((r) => {
        const limit = r.basis === 'nominal' ? r.value * sensor.nominal : r.value;
        const x = r.type === 'rate' ? v - valueAt(o, t - r.windowS) : v;
        return Number.isFinite(x) && (r.op === '>=' ? x >= limit : x <= limit);
      });
    };
    for (const o of overrides) {
      for (const p of o.series) {
        for (const r of violated(o, p.atS)) {
          const key = `${o.sensorId}/${r.id}`;
          if (!raised.has(key)) { raised.add(key); firstAlertS.push(p.atS); }
        }
      }
    }
    const frames: Feature[][] = ctx.timesS.map((t) => overrides.map((o) => {
      const s = sensors.get(o.sensorId)!, v = valueAt(o, t), hits = violated(o, t);
      const severity = hits.map((h) => h.severity).sort((a, b) => SEV.indexOf(b) - SEV.indexOf(a))[0] ?? 'none';
      return pointFeature(s.lonDeg, s.latDeg, { sensorId: s.id, kind: s.kind, value: Number.isFinite(v) ? v : null, severity });
    }));
    return {
      kpis: { sensorAlertsRaised: raised.size },
      series: overrides.map((o) => ({ id: `sensor:${o.sensorId}`, label: `${o.sensorId} (${sensors.get(o.sensorId)!.kind})`, unit: '', values: ctx.timesS.map((t) => valueAt(o, t)) })),
      layers: [{ id: 'sensor-overrides', title: 'Overridden sensors (colour: alert level)', style: { color: '#94a3b8', pointSizePx: 11, colorBy: { property: 'severity', categories: { blue: '#3b82f6', yellow: '#facc15', orange: '#f97316', red: '#dc2626' } } }, frames }],
    };
  },
};

const SEV = ['blue', 'yellow', 'orange', 'red'];
